package io.stampede.runner.scenario.extract;

import io.stampede.runner.scenario.Extraction;

import java.util.Locale;
import java.util.function.Function;

/**
 * Extracts a response header's value.
 *
 * @param name the header's name, kept in lower case (the form lookups use)
 */
public record HeaderSource(String name) implements Extraction.ValueSource {

    public HeaderSource {
        name = name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String extract(String body, Function<String, String> headers) {
        return headers.apply(name);
    }

    @Override
    public String describe() {
        return "header " + name;
    }
}
