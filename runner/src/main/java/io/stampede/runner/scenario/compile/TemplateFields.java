package io.stampede.runner.scenario.compile;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.model.Problems;
import io.stampede.runner.scenario.Template;
import io.stampede.runner.scenario.template.JsonBodyCompiler;
import io.stampede.runner.scenario.template.TemplateCompiler;
import io.stampede.runner.scenario.template.TemplateException;
import io.stampede.runner.scenario.template.TemplateScope;

/** Compiles the template fields of one user class, reporting errors at the field's path. */
final class TemplateFields {

    private final TemplateScope scope;
    private final Problems problems;

    TemplateFields(TemplateScope scope, Problems problems) {
        this.scope = scope;
        this.problems = problems;
    }

    /** @return the template, or null when an error was reported at {@code path} */
    Template compile(String text, String path) {
        try {
            return TemplateCompiler.compile(text, scope);
        } catch (TemplateException e) {
            e.errors().forEach(error -> problems.add(path, error));
            return null;
        }
    }

    /** @return the JSON body template, or null when an error was reported under {@code path} */
    Template compileJson(JsonNode body, String path) {
        return JsonBodyCompiler.compile(body, scope, (relative, error) -> problems.add(path + relative, error));
    }
}
