package io.stampede.runner.scenario.compile;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.model.Problems;
import io.stampede.runner.scenario.Template;
import io.stampede.runner.scenario.template.JsonBodyCompiler;
import io.stampede.runner.scenario.template.TemplateCompiler;
import io.stampede.runner.scenario.template.TemplateException;
import io.stampede.runner.scenario.template.TemplateScope;

import java.util.Map;

/** Compiles the template fields of one user class, reporting errors at the field's path. */
final class TemplateFields {

    private final TemplateScope scope;
    private final TemplateScope headerScope;
    private final TemplateScope pathScope;
    private final Problems problems;

    /** @param fromEnv the environment variable each {@code fromEnv} spec variable was read from, by variable name */
    TemplateFields(TemplateScope scope, Map<String, String> fromEnv, Problems problems) {
        this.scope = scope;
        this.headerScope = scope.withRule(WireRules.headerValue(fromEnv));
        this.pathScope = scope.withRule(WireRules.requestTarget(fromEnv));
        this.problems = problems;
    }

    /** A body or other text that is not sent in the request line or a header. */
    Template compile(String text, String path) {
        return compile(text, path, scope);
    }

    /** A header value: variables whose values cannot be in a header are refused. */
    Template compileHeaderValue(String text, String path) {
        return compile(text, path, headerScope);
    }

    /** A request path: variables whose values cannot be in a request line are refused. */
    Template compileRequestTarget(String text, String path) {
        return compile(text, path, pathScope);
    }

    /** @return the template, or null when an error was reported at {@code path} */
    private Template compile(String text, String path, TemplateScope scope) {
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
