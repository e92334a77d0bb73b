package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.model.Problem;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.TestPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Input that would smuggle requests, hang a run or leak a secret if it got through: each is refused when the file is
 * loaded, with the path of the field that brought it in, and the refusal never repeats the secret.
 */
class HostileInputTest {

    private static final String HEAD = "apiVersion: stampede.io/v1alpha1\nkind: LoadTest\nmetadata: {name: t}\n";
    private static final String REQUEST = "spec.userClasses[0].tasks[0].request";

    /** A valid file with the given variables, class headers and request headers (flow maps, may be empty). */
    private static String file(String target, String variables, String classHeaders, String requestHeaders) {
        return HEAD + "spec:\n"
                + "  target: " + target + "\n"
                + "  load: {users: 1, duration: 10s}\n"
                + "  variables: {" + variables + "}\n"
                + "  userClasses:\n"
                + "    - name: u\n"
                + "      headers: {" + classHeaders + "}\n"
                + "      tasks:\n"
                + "        - {name: t, request: {method: POST, path: /p, json: {a: 1}, headers: {" + requestHeaders
                + "}}}\n";
    }

    private static String headers(String requestHeaders) {
        return file("http://localhost:8080", "", "", requestHeaders);
    }

    private static Arguments reject(String file, Map<String, String> env, String path, String fragment) {
        return arguments(file, env, path, fragment);
    }

    static Stream<Arguments> hostileFiles() {
        String token = "token: {fromEnv: API_TOKEN}";
        String auth = "Authorization: 'Bearer ${token}'";
        return Stream.of(
                // item 2: a Secret with a trailing newline, a CRLF in a value, control characters written in the file
                reject(file("http://localhost:8080", token, auth, ""), Map.of("API_TOKEN", "abc123\n"),
                        "spec.userClasses[0].headers.Authorization", "environment variable API_TOKEN"),
                reject(file("http://localhost:8080", token, "", auth), Map.of("API_TOKEN", "abc\r\nGET /smuggled"),
                        REQUEST + ".headers.Authorization", "carriage return"),
                reject(file("http://localhost:8080", "id: \"1\\r\\nX-Smuggled: y\"", "", "X-Id: '${id}'"), Map.of(),
                        REQUEST + ".headers.X-Id", "variable 'id'"),
                reject(HEAD + "spec:\n  target: http://localhost:8080\n  variables: {id: \"1 2\"}\n"
                                + "  userClasses: [{name: u, tasks: [{name: t, request: {method: GET, path: '/items/${id}'}}]}]\n",
                        Map.of(), REQUEST + ".path", "variable 'id'"),
                reject(HEAD + "spec:\n  target: http://localhost:8080\n  variables: {id: {fromEnv: ITEM}}\n"
                                + "  userClasses: [{name: u, tasks: [{name: t, request: {method: GET, path: '/items/${id}'}}]}]\n",
                        Map.of("ITEM", "7 HTTP/1.1\r\nHost: evil\r\n\r\nGET /x"), REQUEST + ".path",
                        "environment variable ITEM"),
                reject(headers("X-Note: \"a\\nb\""), Map.of(), REQUEST + ".headers.X-Note", "line feed"),
                reject(headers("X-Note: \"a\\0b\""), Map.of(), REQUEST + ".headers.X-Note", "NUL"),
                reject(headers("X-Note: \"a\\x07b\""), Map.of(), REQUEST + ".headers.X-Note", "U+0007"),
                reject(file("http://localhost:8080", "", "X-Note: \"a\\rb\"", ""), Map.of(),
                        "spec.userClasses[0].headers.X-Note", "carriage return"),
                // item 2: framing headers are the runner's
                reject(headers("Host: other.example"), Map.of(), REQUEST + ".headers.Host", "spec.target"),
                reject(headers("Content-Length: 100"), Map.of(), REQUEST + ".headers.Content-Length",
                        "the runner sets"),
                reject(headers("transfer-encoding: chunked"), Map.of(), REQUEST + ".headers.transfer-encoding",
                        "the runner sets"),
                reject(file("http://localhost:8080", "", "Connection: Upgrade", ""), Map.of(),
                        "spec.userClasses[0].headers.Connection", "close or keep-alive"),
                // item 5: ports
                reject(file("http://localhost:99999", "", "", ""), Map.of(), "spec.target", "1..65535"),
                reject(file("http://localhost:0", "", "", ""), Map.of(), "spec.target", "1..65535"),
                reject(file("http://localhost:123456789012", "", "", ""), Map.of(), "spec.target", "1..65535"),
                // item 10: users
                reject(HEAD + "spec:\n  target: http://localhost:8080\n  load: {users: 2000000000, duration: 10s}\n"
                                + "  userClasses: [{name: u, tasks: [{name: t, request: {method: GET, path: /}}]}]\n",
                        Map.of(), "spec.load.users", "at most 1000000"),
                reject(HEAD + "spec:\n  target: http://localhost:8080\n  load: {stages: [{duration: 1m, users: 1000001}]}\n"
                                + "  userClasses: [{name: u, tasks: [{name: t, request: {method: GET, path: /}}]}]\n",
                        Map.of(), "spec.load.stages[0].users", "at most 1000000"));
    }

    @ParameterizedTest(name = "[{index}] {2}: {3}")
    @MethodSource("hostileFiles")
    void refusesWithTheFieldPath(String file, Map<String, String> env, String path, String fragment) {
        assertThatThrownBy(() -> LoadTestCompiler.compile(LoadTestParser.parse(file), Overrides.none(), env))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .as("problems of:\n%s", file)
                        .anySatisfy(problem -> {
                            assertThat(problem.path()).isEqualTo(path);
                            assertThat(problem.message()).contains(fragment);
                        }));
    }

    @Test
    void neverRepeatsTheSecretWhoseValueItRefuses() {
        String file = file("http://localhost:8080", "token: {fromEnv: API_TOKEN}", "Authorization: 'Bearer ${token}'", "");

        assertThatThrownBy(() -> LoadTestCompiler.compile(LoadTestParser.parse(file), Overrides.none(),
                Map.of("API_TOKEN", "s3cr3t-abc123\n")))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("trailing newline");
                    assertThat(e.problems()).extracting(Problem::path)
                            .containsExactly("spec.userClasses[0].headers.Authorization");
                });
    }

    @Test
    void aValueWithANewlineIsFineInABody() throws Exception {
        String file = HEAD + "spec:\n  target: http://localhost:8080\n  load: {users: 1, duration: 1s}\n"
                + "  variables: {note: {fromEnv: NOTE}}\n"
                + "  userClasses: [{name: u, tasks: [{name: t, request: {method: POST, path: /p, "
                + "json: {note: '${note}'}, headers: {Connection: close, X-Tab: \"a\\tb\"}}}]}]\n";

        TestPlan plan = LoadTestCompiler.compile(LoadTestParser.parse(file), Overrides.none(),
                Map.of("NOTE", "line one\nline two\n"));

        RequestPlan request = plan.scenario().userClasses().get(0).tasks().get(0).steps().get(0).request();
        assertThat(request.body().text().render(null)).isEqualTo("{\"note\":\"line one\\nline two\\n\"}");
        assertThat(request.headers()).extracting(RequestPlan.HeaderPlan::name).contains("Connection", "X-Tab");
    }

    @Test
    void refusesCredentialsInTheTargetWithoutRepeatingThem() {
        for (String target : List.of("http://user:hunter2@localhost:8080", "http://user:hunter2@localhost:99999/x",
                "http://user:hun ter2@localhost", "user:hunter2@localhost")) {
            assertThatThrownBy(() -> LoadTestCompiler.compile(LoadTestParser.parse(file(target, "", "", "")),
                    Overrides.none(), Map.of()))
                    .as(target)
                    .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("hun ter2");
                        assertThat(e.problems()).extracting(Problem::path).contains("spec.target");
                    });
            assertThatThrownBy(() -> LoadTestCompiler.compile(LoadTestParser.parse(file("http://localhost", "", "", "")),
                    new Overrides(target, null, null, null, null, null), Map.of()))
                    .as("--host " + target)
                    .isInstanceOfSatisfying(InvalidLoadTestException.class,
                            e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("hun ter2"));
        }
    }
}
