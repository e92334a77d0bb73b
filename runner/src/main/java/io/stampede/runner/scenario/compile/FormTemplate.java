package io.stampede.runner.scenario.compile;

import io.stampede.runner.scenario.Template;
import io.stampede.runner.scenario.TemplateContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An {@code application/x-www-form-urlencoded} body: {@code name=value&...} in the order written, each value a
 * template rendered and then encoded as HTML forms and Python's requests do ({@link URLEncoder}: UTF-8, a space
 * is {@code +}). Immutable and thread safe.
 */
final class FormTemplate implements Template {

    record Field(String encodedName, Template value) {
    }

    private final List<Field> fields;
    private final String source;

    FormTemplate(List<Field> fields, String source) {
        this.fields = List.copyOf(fields);
        this.source = source;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append('&');
            Field field = fields.get(i);
            out.append(field.encodedName()).append('=');
            // Rendering allocates here (forms are not the hot path of a load test); encoding needs the whole value.
            out.append(encode(field.value().render(context)));
        }
    }

    @Override
    public boolean isConstant() {
        return fields.stream().allMatch(f -> f.value().isConstant());
    }

    @Override
    public String source() {
        return source;
    }
}
