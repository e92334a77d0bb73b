package io.stampede.runner.scenario.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.json.TreeWriter;
import io.stampede.runner.scenario.Template;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Compiles a {@code json:} body (a YAML tree) into a template that renders JSON text. Keys and literal values
 * are encoded once; a string is a template, rendered and then escaped as a JSON string, except that a string
 * made of exactly one numeric expression ({@code "${randomInt(1,9)}"}, {@code "${userId}"}, workerIndex,
 * iteration) renders as a JSON number. Pure and thread safe.
 */
public final class JsonBodyCompiler {

    private JsonBodyCompiler() {
    }

    /**
     * @param errors receives (path relative to the body such as {@code .items[0].id}, message) for each string
     *               that does not compile
     * @return the template, or null when any error was reported
     */
    public static Template compile(JsonNode body, TemplateScope scope, BiConsumer<String, String> errors) {
        SegmentsBuilder builder = new SegmentsBuilder();
        boolean ok = append(body, "", scope, builder, errors);
        return ok ? builder.build(TreeWriter.compact(body)) : null;
    }

    private static boolean append(JsonNode node, String path, TemplateScope scope, SegmentsBuilder out,
                                  BiConsumer<String, String> errors) {
        if (node.isObject()) {
            out.literal('{');
            boolean ok = true;
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!first) {
                    out.literal(',');
                }
                first = false;
                StringBuilder key = new StringBuilder();
                JsonString.appendQuoted(key, field.getKey());
                out.literal(key).literal(':');
                ok &= append(field.getValue(), path + keySegment(field.getKey()), scope, out, errors);
            }
            out.literal('}');
            return ok;
        }
        if (node.isArray()) {
            out.literal('[');
            boolean ok = true;
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.literal(',');
                }
                ok &= append(node.get(i), path + "[" + i + "]", scope, out, errors);
            }
            out.literal(']');
            return ok;
        }
        if (node.isTextual()) {
            return appendString(node.textValue(), path, scope, out, errors);
        }
        out.literal(TreeWriter.compact(node));
        return true;
    }

    private static boolean appendString(String text, String path, TemplateScope scope, SegmentsBuilder out,
                                        BiConsumer<String, String> errors) {
        List<Segment> segments;
        try {
            segments = TemplateCompiler.segments(text, scope);
        } catch (TemplateException e) {
            e.errors().forEach(error -> errors.accept(path, error));
            return false;
        }
        if (segments.size() == 1 && segments.get(0).isNumeric()) {
            out.segment(segments.get(0));
        } else if (segments.stream().allMatch(segment -> segment instanceof Literal)) {
            StringBuilder quoted = new StringBuilder();
            JsonString.appendQuoted(quoted, segments.isEmpty() ? "" : ((Literal) segments.get(0)).text());
            out.literal(quoted);
        } else {
            out.segment(new JsonString(segments.toArray(Segment[]::new)));
        }
        return true;
    }

    private static String keySegment(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? "." + key : "[\"" + key.replace("\"", "\\\"") + "\"]";
    }
}
