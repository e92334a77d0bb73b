package io.stampede.runner.scenario.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stampede.runner.scenario.Template;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonBodyCompilerTest {

    private final TemplateScope scope = new TemplateScope(Map.of("password", "p\"w"), List.of("token"));
    private final List<String> errors = new ArrayList<>();

    private Template compile(String yaml) throws Exception {
        JsonNode tree = new YAMLMapper().readTree(yaml);
        return JsonBodyCompiler.compile(tree, scope, (path, error) -> errors.add(path + ": " + error));
    }

    @Test
    void numericExpressionsRenderAsJsonNumbers() throws Exception {
        Template body = compile("{productId: \"${randomInt(7,7)}\", user: \"${userId}\", quantity: 1}");
        assertThat(body.render(FixedContext.user(12))).isEqualTo("{\"productId\":7,\"user\":12,\"quantity\":1}");
    }

    @Test
    void stringsWithExpressionsStayStringsAndAreEscaped() throws Exception {
        Template body = compile("{email: \"user${userId}@example.com\", note: \"${token}\", id: \"n${randomInt(1,1)}\"}");
        String json = body.render(FixedContext.user(3, "a\"b\\c\nd"));
        assertThat(json).isEqualTo(
                "{\"email\":\"user3@example.com\",\"note\":\"a\\\"b\\\\c\\nd\",\"id\":\"n1\"}");
        assertThat(new ObjectMapper().readTree(json).get("note").textValue()).isEqualTo("a\"b\\c\nd");
    }

    @Test
    void constantBodiesAreEncodedOnceWithVariablesInlinedAndEscaped() throws Exception {
        Template body = compile("{password: \"${password}\", flags: [true, null, 2.5], nested: {k: v}}");
        assertThat(body.isConstant()).isTrue();
        assertThat(body.render(null)).isEqualTo(
                "{\"password\":\"p\\\"w\",\"flags\":[true,null,2.5],\"nested\":{\"k\":\"v\"}}");
        assertThat(body.source()).doesNotContain("p\\\"w").contains("${password}");
    }

    @Test
    void aStringVariableThatLooksNumericStaysAString() throws Exception {
        Template body = compile("{pin: \"${token}\"}");
        assertThat(body.render(FixedContext.user(1, "1234"))).isEqualTo("{\"pin\":\"1234\"}");
    }

    @Test
    void reportsBadTemplatesAtTheirPathInsideTheBody() throws Exception {
        Template body = compile("{items: [{id: \"${nope}\"}], \"odd key\": \"${randomInt(1)}\"}");
        assertThat(body).isNull();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith(".items[0].id: unknown variable 'nope'");
        assertThat(errors.get(1)).startsWith("[\"odd key\"]: randomInt(min, max) takes 2 arguments");
    }
}
