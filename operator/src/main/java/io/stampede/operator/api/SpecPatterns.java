package io.stampede.operator.api;

/** Patterns the CRD checks at apply time; the runner's validator checks the same fields fully afterwards. */
final class SpecPatterns {

    /** One or more number-unit pairs: 500ms, 30s, 2m, 1h30m, 1.5s (the order of units is the runner's to check). */
    static final String DURATION = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

    /** The system under test: an http or https base URL. */
    static final String TARGET = "^https?://[^\\s/?#]+.*$";

    private SpecPatterns() {
    }
}
