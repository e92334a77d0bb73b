package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateCompilerTest {

    private final TemplateScope scope = new TemplateScope(Map.of("password", "s3cret"), List.of("token", "cartId"));

    private Template compile(String text) throws TemplateException {
        return TemplateCompiler.compile(text, scope);
    }

    @Test
    void plainTextIsConstant() throws Exception {
        Template template = compile("/api/products?limit=20");
        assertThat(template.isConstant()).isTrue();
        assertThat(template.render(null)).isEqualTo("/api/products?limit=20");
    }

    @Test
    void specVariablesAreInlinedButNeverShownInTheSource() throws Exception {
        Template template = compile("pw=${password}");
        assertThat(template.isConstant()).isTrue();
        assertThat(template.render(null)).isEqualTo("pw=s3cret");
        assertThat(template.source()).isEqualTo("pw=${password}");
    }

    @Test
    void readsBuiltIns() throws Exception {
        Template template = compile("user${userId}@w${workerIndex}#${ iteration }");
        assertThat(template.isConstant()).isFalse();
        assertThat(template.render(new FixedContext(7, 2, 13, 1))).isEqualTo("user7@w2#13");
    }

    @Test
    void readsSlotsAndRendersAnEmptySlotAsNothing() throws Exception {
        Template template = compile("Bearer ${token}/${cartId}");
        assertThat(template.render(FixedContext.user(1, "abc", "c-9"))).isEqualTo("Bearer abc/c-9");
        assertThat(template.render(FixedContext.user(1, null, null))).isEqualTo("Bearer /");
    }

    @Test
    void escapedDollarBraceIsLiteral() throws Exception {
        Template template = compile("price: $${amount} $5");
        assertThat(template.isConstant()).isTrue();
        assertThat(template.render(null)).isEqualTo("price: ${amount} $5");
    }

    @Test
    void randomIntStaysWithinItsInclusiveBoundsAndReachesBoth() throws Exception {
        Template template = compile("${randomInt(1,3)}");
        FixedContext context = FixedContext.user(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(template.render(context));
        }
        assertThat(seen).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void sameSeedRendersTheSameValues() throws Exception {
        Template template = compile("/p/${randomInt(1, 1000)}?c=${randomItem(red, \"dark blue\", green)}");
        String first = template.render(new FixedContext(1, 0, 0, 99));
        String again = template.render(new FixedContext(1, 0, 0, 99));
        assertThat(first).isEqualTo(again).matches("/p/\\d{1,4}\\?c=(red|dark blue|green)");
    }

    @Test
    void randomItemTakesBareAndQuotedItemsWithCommasInsideQuotes() throws Exception {
        Template template = compile("${randomItem(\"a, b\")}");
        assertThat(template.render(FixedContext.user(1))).isEqualTo("a, b");
    }

    @Test
    void randomUuidIsAVersion4Uuid() throws Exception {
        String uuid = compile("${randomUuid()}").render(FixedContext.user(1));
        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(java.util.UUID.fromString(uuid).version()).isEqualTo(4);
    }

    @Test
    void renderingAppendsToWhatIsAlreadyThere() throws Exception {
        StringBuilder out = new StringBuilder("GET ");
        compile("/u/${userId}").appendTo(out, FixedContext.user(5));
        assertThat(out).hasToString("GET /u/5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/x/${tokn}                 | unknown variable 'tokn' at position 4",
            "${randomFloat(1,2)}        | unknown function 'randomFloat' at position 1",
            "a${randomInt(1)}           | randomInt(min, max) takes 2 arguments, got 1 at position 2",
            "${randomInt(5,1)}          | min 5 is greater than max 1",
            "${randomInt(a,b)}          | takes whole numbers, got 'a'",
            "${randomUuid(1)}           | randomUuid() takes no arguments",
            "${randomItem()}            | needs at least one item",
            "${}                        | empty expression",
            "x${userId                  | '${' is not closed",
            "${randomUuid}              | 'randomUuid' is a function",
            "${userId()}                | 'userId' is a variable, not a function",
            "${randomItem(\"a)}         | quoted argument is not closed",
            "${user id}                 | expected '}' after 'user'",
            "${1abc}                    | expected a variable or function name"})
    void reportsBadExpressionsWithTheirPosition(String text, String fragment) {
        assertThatThrownBy(() -> compile(text))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(fragment);
    }

    @Test
    void reportsEveryBadExpressionInOneText() {
        assertThatThrownBy(() -> compile("${a}/${b}"))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.errors()).containsExactly(
                        "unknown variable 'a' at position 1; known variables: userId, workerIndex, iteration, "
                                + "password, token, cartId",
                        "unknown variable 'b' at position 6; known variables: userId, workerIndex, iteration, "
                                + "password, token, cartId"));
    }
}
