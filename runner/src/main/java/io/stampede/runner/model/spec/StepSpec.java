package io.stampede.runner.model.spec;

import java.util.Map;

/**
 * A request with how to judge its answer and what to take from it.
 *
 * @param expect  or null for the default (any 2xx or 3xx)
 * @param extract variable name to where its value comes from, in document order
 */
public record StepSpec(RequestSpec request, ExpectSpec expect, Map<String, ExtractSpec> extract) {

    public StepSpec {
        extract = Immutables.orderedMap(extract);
    }
}
