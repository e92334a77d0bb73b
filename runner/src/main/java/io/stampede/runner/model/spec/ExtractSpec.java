package io.stampede.runner.model.spec;

/** Where an extracted value comes from. */
public sealed interface ExtractSpec {

    /** {@code {jsonPath: $.a.b}}; the expression is checked by the compiler. */
    record JsonPath(String expression) implements ExtractSpec {
    }

    /** {@code {header: Name}}: a response header, by case-insensitive name. */
    record Header(String name) implements ExtractSpec {
    }
}
