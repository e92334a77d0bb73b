package io.stampede.runner.scenario.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.stampede.runner.json.TreeReader;
import io.stampede.runner.scenario.ResponseView;
import io.stampede.runner.scenario.extract.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The json and headers checks of {@code expect} as pure functions of a response: no server, no clock. */
class ChecksTest {

    private static final String BODY = """
            {"status": "ok", "count": 3, "total": 12.50, "paid": true, "id": "o-1042", "items": [1, 2, 3],
             "note": null, "zero": "0", "code": "> 0"}""";

    private static final ResponseView RESPONSE = new ResponseView(BODY,
            Map.of("content-type", "application/json; charset=utf-8", "x-shop", "blue")::get);

    @ParameterizedTest(name = "{0}: {1} passes")
    @CsvSource(delimiter = '|', textBlock = """
            $.status          | "ok"
            $.status          | "== ok"
            $.status          | "!= error"
            $.count           | 3
            $.count           | 3.0
            $.count           | "== 3"
            $.count           | ">= 3"
            $.count           | "< 4"
            $.total           | 12.5
            $.total           | "> 12.49"
            $.paid            | true
            $.paid            | "== true"
            $.items.length()  | "> 2"
            $.items.length()  | 3
            $.id              | "matches /^o-[0-9]+$/"
            $.id              | "exists"
            $.zero            | "<= 0"
            $.code            | "== '> 0'"
            $.items           | "matches /\\\\[1,2,3\\\\]/"
            """)
    void passesAsWritten(String path, String written) throws Exception {
        JsonCheck check = new JsonCheck(JsonPath.compile(path), ConditionParser.parse(TreeReader.parse(written)));

        assertThat(check.failure(RESPONSE)).isNull();
    }

    @ParameterizedTest(name = "{0}: {1} fails with {2}")
    @CsvSource(delimiter = '|', textBlock = """
            $.status          | "error"                | json $.status: expected "error"
            $.status          | "!= ok"                | json $.status: expected != "ok"
            $.count           | "> 3"                  | json $.count: expected > 3
            $.status          | "> 3"                  | json $.status: expected > 3
            $.paid            | false                  | json $.paid: expected false
            $.items.length()  | "< 3"                  | json $.items.length(): expected < 3
            $.id              | "matches /^x/"         | json $.id: expected matches /^x/
            $.missing         | "exists"               | json $.missing: expected exists
            $.note            | "exists"               | json $.note: expected exists
            $.missing         | "ok"                   | json $.missing: expected "ok", not found
            $.missing         | "!= ok"                | json $.missing: expected != "ok", not found
            """)
    void failsWithACauseThatNamesTheCheck(String path, String written, String cause) throws Exception {
        JsonCheck check = new JsonCheck(JsonPath.compile(path), ConditionParser.parse(TreeReader.parse(written)));

        assertThat(check.failure(RESPONSE)).isEqualTo(cause);
    }

    @Test
    void aBodyThatIsNotJsonFailsEveryJsonCheck() {
        JsonCheck check = new JsonCheck(JsonPath.compile("$.status"), new Condition.Exists());

        assertThat(check.failure(new ResponseView("<html>ok</html>", name -> null)))
                .isEqualTo("json $.status: body is not JSON");
        assertThat(check.failure(new ResponseView("", name -> null))).isEqualTo("json $.status: body is not JSON");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "> many"             | expected a number after '>'
            ">="                 | expected a value after '>='
            "matches ^o"         | expected matches /regex/
            "matches /[a/"       | the regular expression /[a/ is invalid
            "   "                | got an empty text
            [1, 2]               | got a list
            {"a": 1}             | got a map
            null                 | got nothing (null)
            """)
    void rejectsWhatIsNotACondition(String written, String message) throws Exception {
        JsonNode node = written.equals("null") ? JsonNodeFactory.instance.nullNode() : TreeReader.parse(written);

        assertThatThrownBy(() -> ConditionParser.parse(node)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}: {1} against {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Content-Type | application/json*          | application/json; charset=utf-8 | true
            content-type | application/json*          | application/json; charset=utf-8 | true
            Content-Type | application/json           | application/json; charset=utf-8 | false
            Content-Type | text/*                     | application/json                | false
            X-Shop       | blue                       | blue                            | true
            X-Shop       | bl?e                       | blue                            | true
            X-Shop       | Blue                       | blue                            | false
            X-Shop       | b.*                        | blue                            | false
            """)
    void headersAreExactOrGlobsAndNamesIgnoreCase(String name, String expected, String actual, boolean passes) {
        HeaderCheck check = HeaderCheck.of(name, expected);
        ResponseView response = new ResponseView("", Map.of(name.toLowerCase(), actual)::get);

        assertThat(check.failure(response)).isEqualTo(passes ? null
                : "header " + name + ": expected \"" + expected + "\"");
    }

    @Test
    void aMissingHeaderSaysSo() {
        assertThat(HeaderCheck.of("X-Trace", "*").failure(RESPONSE)).isEqualTo("header X-Trace: expected \"*\", missing");
    }
}
