package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.TemplateContext;

/**
 * Renders its segments as one JSON string: quoted, with quotes, backslashes and control characters escaped.
 * Text that needs no escaping (the usual case) is written in place without extra allocation.
 */
final class JsonString implements Segment {

    private final Segment[] parts;

    JsonString(Segment[] parts) {
        this.parts = parts.clone();
    }

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
        out.append('"');
        int start = out.length();
        for (Segment part : parts) {
            part.appendTo(out, context);
        }
        if (needsEscaping(out, start)) {
            String raw = out.substring(start);
            out.setLength(start);
            appendEscaped(out, raw);
        }
        out.append('"');
    }

    /** Appends text as a quoted JSON string. */
    static void appendQuoted(StringBuilder out, CharSequence text) {
        out.append('"');
        appendEscaped(out, text);
        out.append('"');
    }

    private static boolean needsEscaping(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                return true;
            }
        }
        return false;
    }

    private static void appendEscaped(StringBuilder out, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00");
                        out.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
