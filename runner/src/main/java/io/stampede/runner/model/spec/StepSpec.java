package io.stampede.runner.model.spec;

import java.util.Map;

/**
 * A request with how to judge its answer and what to take from it; or a plugin's custom step.
 *
 * @param request    the request, or null for a plugin step
 * @param expect     or null for the default (any 2xx or 3xx)
 * @param extract    variable name to where its value comes from, in document order
 * @param pluginStep a plugin's custom step ({@code step:}), or null for a request; never both
 */
public record StepSpec(RequestSpec request, ExpectSpec expect, Map<String, ExtractSpec> extract,
                       PluginStepSpec pluginStep) {

    public StepSpec {
        extract = Immutables.orderedMap(extract);
    }

    /** A request step. */
    public StepSpec(RequestSpec request, ExpectSpec expect, Map<String, ExtractSpec> extract) {
        this(request, expect, extract, null);
    }
}
