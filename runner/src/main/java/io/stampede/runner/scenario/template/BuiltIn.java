package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.TemplateContext;

import java.util.Arrays;
import java.util.List;

/** The built-in variables every template can read. All are whole numbers. */
enum BuiltIn implements Segment {

    USER_ID("userId") {
        @Override
        public void appendTo(StringBuilder out, TemplateContext context) {
            out.append(context.userId());
        }
    },
    WORKER_INDEX("workerIndex") {
        @Override
        public void appendTo(StringBuilder out, TemplateContext context) {
            out.append(context.workerIndex());
        }
    },
    ITERATION("iteration") {
        @Override
        public void appendTo(StringBuilder out, TemplateContext context) {
            out.append(context.iteration());
        }
    };

    static final List<String> NAMES = Arrays.stream(values()).map(BuiltIn::variableName).toList();

    private final String variableName;

    BuiltIn(String variableName) {
        this.variableName = variableName;
    }

    String variableName() {
        return variableName;
    }

    static BuiltIn byName(String name) {
        for (BuiltIn builtIn : values()) {
            if (builtIn.variableName.equals(name)) {
                return builtIn;
            }
        }
        return null;
    }

    @Override
    public boolean isNumeric() {
        return true;
    }
}
