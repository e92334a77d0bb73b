package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.Template;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles template text: {@code ${name}} reads a variable, {@code ${randomInt(1,10)}}, {@code ${randomUuid()}}
 * and {@code ${randomItem(a,"b c")}} call functions (arguments bare or double-quoted), {@code $${} writes a
 * literal {@code ${}, and any other text is literal. Every unknown name, unknown function or bad argument is
 * reported with its position (1-based, the position of its {@code $}). Pure and thread safe.
 */
public final class TemplateCompiler {

    private TemplateCompiler() {
    }

    /** The built-in functions' names ({@code randomInt}...), which a plugin function may not take. */
    public static java.util.Set<String> builtInFunctions() {
        return Functions.BUILT_IN;
    }

    /** Compiles text into a template whose {@code source()} is the text as written. */
    public static Template compile(String text, TemplateScope scope) throws TemplateException {
        SegmentsBuilder builder = new SegmentsBuilder();
        parseInto(text, scope, builder);
        return builder.build(text);
    }

    /** Parses text into its segments (adjacent literals merged). */
    static List<Segment> segments(String text, TemplateScope scope) throws TemplateException {
        SegmentsBuilder builder = new SegmentsBuilder();
        parseInto(text, scope, builder);
        return builder.segments();
    }

    private static void parseInto(String text, TemplateScope scope, SegmentsBuilder builder)
            throws TemplateException {
        List<String> errors = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                builder.literal("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                ExpressionParser expression = new ExpressionParser(text, i, scope);
                Segment segment = expression.parse();
                if (segment == null) {
                    errors.add(expression.error());
                } else {
                    builder.segment(segment);
                }
                i = expression.end();
            } else {
                builder.literal(text.charAt(i));
                i++;
            }
        }
        if (!errors.isEmpty()) {
            throw new TemplateException(errors);
        }
    }
}
