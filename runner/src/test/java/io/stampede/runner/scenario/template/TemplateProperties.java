package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.Template;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the text, a template compiles (and then renders without failing, keeping its source) or reports
 * errors; text without expressions renders as written; a variable renders to its value, whatever the value.
 */
class TemplateProperties {

    private static final TemplateScope SCOPE = new TemplateScope(Map.of("password", "s3cret", "tenant", "acme"),
            List.of("token"));

    @Property(tries = 500)
    void anyTextCompilesAndRendersOrReportsErrors(@ForAll("templateText") String text) {
        Template template;
        try {
            template = TemplateCompiler.compile(text, SCOPE);
        } catch (TemplateException e) {
            assertThat(e.errors()).isNotEmpty().allSatisfy(error -> assertThat(error).contains("at position"));
            return;
        }
        assertThat(template.source()).isEqualTo(text);
        String rendered = template.render(FixedContext.user(7, "tok"));
        if (template.isConstant()) {
            assertThat(template.render(FixedContext.user(8, "other"))).isEqualTo(rendered);
        }
    }

    @Property(tries = 200)
    void textWithoutExpressionsRendersAsWritten(@ForAll @StringLength(max = 200) String text) throws Exception {
        String plain = text.replace("$", "");

        assertThat(TemplateCompiler.compile(plain, SCOPE).render(FixedContext.user(1, "t"))).isEqualTo(plain);
    }

    @Property(tries = 200)
    void aVariableRendersToItsValueWhateverItHolds(@ForAll @StringLength(max = 100) String value,
                                                    @ForAll @StringLength(max = 20) String before) throws Exception {
        String prefix = before.replace("$", "");
        TemplateScope scope = new TemplateScope(Map.of("v", value), List.of("slot"));

        Template template = TemplateCompiler.compile(prefix + "${v}|${slot}", scope);

        assertThat(template.render(FixedContext.user(1, value))).isEqualTo(prefix + value + "|" + value);
    }

    @Provide
    Arbitrary<String> templateText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("${", "$${", "}", "(", ")", ",", "\"", "\\", " ", "$", "password", "token", "userId",
                        "iteration", "workerIndex", "randomInt", "randomUuid", "randomItem", "nope", "1", "-5",
                        "99999999999999999999", "a b"),
                Arbitraries.strings().ofMaxLength(4));
        return pieces.list().ofMaxSize(14).map(list -> String.join("", list));
    }
}
