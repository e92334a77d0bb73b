package io.stampede.runner.model.spec;

/** A value of {@code spec.variables}: literal text, or read from the environment when the test is compiled. */
public sealed interface VariableSpec {

    /** Text used as is; {@code ${...}} inside it is not expanded. */
    record Literal(String value) implements VariableSpec {
    }

    /** {@code {fromEnv: NAME}}: the environment variable NAME (in a cluster, set through spec.env). */
    record FromEnv(String name) implements VariableSpec {
    }
}
