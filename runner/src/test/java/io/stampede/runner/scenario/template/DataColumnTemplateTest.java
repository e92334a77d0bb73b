package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.Template;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ${source.column}}: reads the user's current row; names that are not there are errors with positions. */
class DataColumnTemplateTest {

    private final TemplateScope scope = new TemplateScope(Map.of("tenant", "acme"), List.of("token"),
            TemplateScope.ConstantRule.ANY, List.of(
                    new TemplateScope.DataColumns("accounts", List.of("email", "password")),
                    new TemplateScope.DataColumns("products", List.of("sku"))));

    @Test
    void readsTheColumnOfTheUsersCurrentRowBesideVariablesAndSlots() throws Exception {
        Template template = TemplateCompiler.compile("/${tenant}/${products.sku}?u=${accounts.email}&t=${token}", scope);

        FixedContext user = FixedContext.user(3, "tok").withRow(0, "a@example.com", "pw").withRow(1, "SKU-9");

        assertThat(template.isConstant()).isFalse();
        assertThat(template.render(user)).isEqualTo("/acme/SKU-9?u=a@example.com&t=tok");
        assertThat(template.render(FixedContext.user(4, "tok"))).isEqualTo("/acme/?u=&t=tok");
    }

    @Test
    void anUnknownColumnOrSourceOrABareSourceNameIsAnErrorAtItsPosition() {
        assertThatThrownBy(() -> TemplateCompiler.compile("x ${accounts.emial}", scope))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.errors()).containsExactly(
                        "unknown column 'emial' of data source 'accounts'; its columns: email, password at position 3"));
        assertThatThrownBy(() -> TemplateCompiler.compile("${acounts.email}", scope))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.errors()).containsExactly(
                        "unknown data source 'acounts'; spec.data names accounts, products at position 1"));
        assertThatThrownBy(() -> TemplateCompiler.compile("${accounts}", scope))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.errors()).containsExactly(
                        "'accounts' is a data source at position 1; write ${accounts.COLUMN}"));
        assertThatThrownBy(() -> TemplateCompiler.compile("${accounts.}", scope))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.errors()).containsExactly(
                        "expected a column name after 'accounts.' at position 1; write ${accounts.COLUMN}"));
    }
}
