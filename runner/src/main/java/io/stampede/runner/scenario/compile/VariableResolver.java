package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.FieldNames;
import io.stampede.runner.model.Problems;
import io.stampede.runner.model.spec.VariableSpec;
import io.stampede.runner.scenario.template.TemplateScope;

import java.util.LinkedHashMap;
import java.util.Map;

/** Resolves spec.variables to constants: literals as written, fromEnv from the given environment. */
final class VariableResolver {

    private VariableResolver() {
    }

    static Map<String, String> resolve(Map<String, VariableSpec> variables, Map<String, String> env,
                                       Problems problems) {
        Map<String, String> constants = new LinkedHashMap<>();
        variables.forEach((name, variable) -> {
            String path = FieldNames.child("spec.variables", name);
            if (TemplateScope.builtInNames().contains(name)) {
                problems.add(path, "'" + name + "' is a built-in variable; choose another name");
                return;
            }
            if (variable instanceof VariableSpec.Literal literal) {
                constants.put(name, literal.value());
            } else if (variable instanceof VariableSpec.FromEnv fromEnv) {
                String value = env.get(fromEnv.name());
                if (value == null) {
                    problems.add(path + ".fromEnv", "the environment variable " + fromEnv.name() + " is not set");
                    // Read as empty from here on, so that templates using it are checked, not reported unknown.
                    constants.put(name, "");
                } else {
                    constants.put(name, value);
                }
            }
        });
        return constants;
    }
}
