package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.model.Problem;
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
 * Malformed files, one mistake each: the problem must name the offending field's path exactly and say what was
 * expected. Each case changes one line of a valid file.
 */
class RejectedLoadTestTest {

    private static final String HEAD = "apiVersion: stampede.io/v1alpha1\nkind: LoadTest\nmetadata: {name: t}\n";
    private static final String TARGET = "target: http://localhost:8080";
    private static final String LOAD = "load: {users: 1, duration: 10s}";
    private static final String CLASSES =
            "userClasses: [{name: u, tasks: [{name: home, tags: [web], request: {method: GET, path: /}}]}]";
    private static final String TASK = "spec.userClasses[0].tasks[0]";
    private static final String REQUEST = TASK + ".request";

    /** A file whose spec is the given lines (each a top-level spec field). */
    private static String spec(String... lines) {
        return HEAD + "spec:\n  " + String.join("\n  ", lines) + "\n";
    }

    /** A valid spec whose one task is the given flow mapping. */
    private static String task(String task) {
        return spec(TARGET, LOAD, "userClasses: [{name: u, tasks: [" + task + "]}]");
    }

    /** A valid spec whose one user class is the given flow mapping. */
    private static String userClass(String userClass) {
        return spec(TARGET, LOAD, "userClasses: [" + userClass + "]");
    }

    private static Arguments reject(String file, String path, String fragment) {
        return arguments(file, Overrides.none(), path, fragment);
    }

    private static Arguments reject(String file, Overrides overrides, String path, String fragment) {
        return arguments(file, overrides, path, fragment);
    }

    private static Overrides flags(String host, Integer users, Double spawnRate, String duration, List<String> tags) {
        return new Overrides(host, users, spawnRate, duration, tags, null);
    }

    static Stream<Arguments> malformedFiles() {
        String get = "{name: g, request: {method: GET, path: /";
        return Stream.of(
                // the file as a whole
                reject("spec: [unclosed\n", "(file)", "not valid YAML at line 2, column 1"),
                reject("", "(file)", "holds no document"),
                reject(spec(TARGET, CLASSES) + "---\n" + spec(TARGET, CLASSES), "(file)", "holds 2 documents"),
                reject(HEAD + "spec:\n  " + TARGET + "\n  " + TARGET + "\n", "(file)", "Duplicate field 'target'"),
                reject("apiVersion: stampede.io/v1\nkind: LoadTest\nmetadata: {name: t}\nspec: {" + CLASSES + "}\n",
                        "apiVersion", "must be stampede.io/v1alpha1, got 'stampede.io/v1'"),
                reject(HEAD.replace("kind: LoadTest", "kind: Job") + "spec: {" + CLASSES + "}\n",
                        "kind", "must be LoadTest, got 'Job'"),
                reject(HEAD.replace("{name: t}", "{labels: {a: b}}") + "spec: {" + CLASSES + "}\n",
                        "metadata.name", "is required"),
                reject(HEAD.replace("{name: t}", "{name: Shop API}") + "spec: {" + CLASSES + "}\n",
                        "metadata.name", "expected a Kubernetes name"),
                reject(HEAD + "spec: {" + CLASSES + "}\nspce: {}\n", "spce", "unknown field 'spce'"),
                // unknown fields and wrong types
                reject(spec(TARGET, LOAD, CLASSES, "userClass: []"), "spec.userClass",
                        "unknown field 'userClass' (did you mean 'userClasses'?); allowed fields: target, load"),
                reject(task("{request: {methd: GET, path: /}}"), REQUEST + ".methd",
                        "unknown field 'methd' (did you mean 'method'?)"),
                reject(spec(TARGET, "load: {users: ten, duration: 10s}", CLASSES), "spec.load.users",
                        "expected an integer, got the string 'ten'"),
                reject(spec(TARGET, "load: [1]", CLASSES), "spec.load", "expected a map (key: value), got a list"),
                reject(spec(TARGET, LOAD, "tags: {include: web}", CLASSES), "spec.tags.include",
                        "expected a list, got the string 'web'"),
                reject(task("{request: {path: /}}"), REQUEST + ".method", "is required"),
                // load
                reject(spec(TARGET, "load: {users: 0, duration: 10s}", CLASSES), "spec.load.users",
                        "must be at least 1, got 0"),
                reject(spec(TARGET, "load: {users: -5, duration: 10s}", CLASSES), "spec.load.users",
                        "must be at least 1, got -5"),
                reject(spec(TARGET, "load: {users: 1, duration: 10s, spawnRate: 0}", CLASSES),
                        "spec.load.spawnRate", "must be greater than 0"),
                reject(spec(TARGET, "load: {users: 1, duration: 10}", CLASSES), "spec.load.duration",
                        "expected a duration such as 500ms, 30s, 2m or 1h30m, got the number 10 without a unit"),
                reject(spec(TARGET, "load: {users: 1, duration: 10 minutes}", CLASSES), "spec.load.duration",
                        "expected a duration such as 500ms, 30s, 2m or 1h30m"),
                reject(spec(TARGET, "load: {preset: heavy}", CLASSES), "spec.load.preset",
                        "unknown preset 'heavy'; expected one of smoke, basic, spike, endurance, stress"),
                reject(spec(TARGET, "load: {preset: stress}", CLASSES), "spec.thresholds",
                        "a stress run needs at least one: each step is judged by the file's thresholds"),
                reject(spec(TARGET, "load: {stress: {every: 30s}}", CLASSES), "spec.thresholds",
                        "a stress run needs at least one"),
                reject(spec(TARGET, "load: {users: 5, stages: [{duration: 1m, users: 5}]}", CLASSES),
                        "spec.load.stages", "cannot be combined with users or duration"),
                reject(spec(TARGET, "load: {stages: []}", CLASSES), "spec.load.stages", "at least one stage"),
                reject(spec(TARGET, "load: {stages: [{duration: 1m, users: 0}]}", CLASSES), "spec.load.stages",
                        "no stage has any users"),
                reject(spec(TARGET, "load: {stages: [{duration: 1m}]}", CLASSES), "spec.load.stages[0].users",
                        "is required"),
                reject(spec(TARGET, "load: {duration: 1m}", CLASSES), "spec.load.users", "is required"),
                reject(spec(TARGET, "load: {users: 3}", CLASSES), "spec.load.duration", "is required"),
                reject(spec(TARGET, LOAD, "workers: 0", CLASSES), "spec.workers", "must be at least 1"),
                // target
                reject(spec("target: ftp://shop", LOAD, CLASSES), "spec.target", "the scheme must be http or https"),
                reject(spec("target: localhost:8080", LOAD, CLASSES), "spec.target",
                        "expected a URL such as http://shop.staging.svc:8080 with its scheme"),
                reject(spec("target: http:///api", LOAD, CLASSES), "spec.target", "the URL needs a host"),
                reject(spec(LOAD, CLASSES), "spec.target", "is required: the base URL"),
                // user classes
                reject(spec(TARGET, LOAD, "userClasses: []"), "spec.userClasses",
                        "expected at least one user class"),
                reject(spec(TARGET, LOAD), "spec.userClasses", "is required"),
                reject(userClass("{name: u}"), "spec.userClasses[0].tasks", "is required"),
                reject(userClass("{name: u, tasks: []}"), "spec.userClasses[0].tasks", "expected at least one task"),
                reject(userClass("{name: u, weight: 0, tasks: [" + get + "}}]}"), "spec.userClasses[0].weight",
                        "must be at least 1, got 0"),
                reject(spec(TARGET, LOAD, "userClasses: [{name: u, tasks: [" + get + "}}]}, {name: u, tasks: ["
                        + get + "}}]}]"), "spec.userClasses[1].name", "duplicate user class name 'u'"),
                reject(userClass("{name: u, wait: {constant: 1s, pacing: 2s}, tasks: [" + get + "}}]}"),
                        "spec.userClasses[0].wait", "expected exactly one of"),
                reject(userClass("{name: u, wait: {between: [3s, 1s]}, tasks: [" + get + "}}]}"),
                        "spec.userClasses[0].wait.between", "the minimum 3s is greater than the maximum 1s"),
                reject(userClass("{name: u, wait: {between: [1s, 2s, 3s]}, tasks: [" + get + "}}]}"),
                        "spec.userClasses[0].wait.between", "expected two durations [min, max]"),
                reject(userClass("{name: u, reauthOn: [401], tasks: [" + get + "}}]}"),
                        "spec.userClasses[0].reauthOn", "needs onStart steps"),
                reject(userClass("{name: u, onStart: [{request: {method: POST, path: /login}}], reauthOn: [200],"
                        + " tasks: [" + get + "}}]}"), "spec.userClasses[0].reauthOn[0]",
                        "expected a status 400..599 that means the login expired"),
                // tasks and requests
                reject(task("{request: {method: GET, path: /}, steps: [{request: {method: GET, path: /}}]}"),
                        TASK, "has both request and steps"),
                reject(task("{name: nothing}"), TASK, "needs a request, or steps"),
                reject(task("{weight: 0, request: {method: GET, path: /}}"), TASK + ".weight", "must be at least 1"),
                reject(task("{steps: [{request: {method: GET, path: /}}], expect: {status: [200]}}"),
                        TASK + ".expect", "belongs in each step"),
                reject(task("{request: {method: FETCH, path: /}}"), REQUEST + ".method",
                        "expected one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, got 'FETCH'"),
                reject(task("{request: {method: GET, path: api/items}}"), REQUEST + ".path",
                        "must start with '/'"),
                reject(task("{request: {method: GET, path: 'http://shop/api'}}"), REQUEST + ".path",
                        "not a URL: put the base URL in spec.target"),
                reject(task("{request: {method: POST, path: /, json: {a: 1}, body: text}}"), REQUEST + ".body",
                        "cannot be combined with json"),
                reject(task("{request: {method: GET, path: /, timeout: 0s}}"), REQUEST + ".timeout",
                        "must be at least 1ms"),
                reject(task("{request: {method: GET, path: /, headers: {X Trace: 1}}}"),
                        REQUEST + ".headers[\"X Trace\"]", "not a valid header name"),
                reject(task("{request: {method: GET, path: /}, expect: {status: [200, 600]}}"),
                        TASK + ".expect.status[1]", "expected a status code 100..599, got 600"),
                reject(task("{request: {method: GET, path: /}, expect: {messages: {oops: text}}}"),
                        TASK + ".expect.messages.oops", "expected a status code 100..599 as the key"),
                reject(task("{request: {method: GET, path: /}, extract: {id: {jsonPath: id}}}"),
                        TASK + ".extract.id.jsonPath", "a JSONPath starts with '$'"),
                reject(task("{request: {method: GET, path: /}, extract: {id: {jsonPath: $.id, header: X-Id}}}"),
                        TASK + ".extract.id", "expected exactly one of {jsonPath: $.field} or {header: Name}"),
                reject(task("{request: {method: GET, path: /}, extract: {userId: {jsonPath: $.id}}}"),
                        TASK + ".extract.userId", "'userId' is a built-in variable"),
                // templates
                reject(task("{request: {method: GET, path: '/p/${productId}'}}"), REQUEST + ".path",
                        "unknown variable 'productId' at position 4; known variables: userId, workerIndex"),
                reject(task("{request: {method: GET, path: '/p/${randomFloat(1,2)}'}}"), REQUEST + ".path",
                        "unknown function 'randomFloat' at position 4"),
                reject(task("{request: {method: GET, path: '/p/${randomInt(1)}'}}"), REQUEST + ".path",
                        "randomInt(min, max) takes 2 arguments, got 1 at position 4"),
                reject(task("{request: {method: POST, path: /, json: {user: {email: 'u${usrId}'}}}}"),
                        REQUEST + ".json.user.email", "unknown variable 'usrId' at position 2"),
                reject(spec(TARGET, LOAD, "defaults: {headers: {Authorization: 'Bearer ${token}'}}", CLASSES),
                        "spec.defaults.headers.Authorization", "unknown variable 'token'"),
                reject(spec(TARGET, LOAD, "variables: {password: {fromEnv: SHOP_PASSWORD}}", CLASSES),
                        "spec.variables.password.fromEnv", "the environment variable SHOP_PASSWORD is not set"),
                reject(spec(TARGET, LOAD, "variables: {userId: x}", CLASSES), "spec.variables.userId",
                        "'userId' is a built-in variable"),
                reject(spec(TARGET, LOAD, "variables: {pw: {fromEnv: A, value: b}}", CLASSES),
                        "spec.variables.pw.value", "unknown field 'value'"),
                // thresholds
                reject(spec(TARGET, LOAD, CLASSES, "thresholds: [{expr: p97 < 2s}]"), "spec.thresholds[0].expr",
                        "unknown metric 'p97'; expected one of avg, min, max"),
                reject(spec(TARGET, LOAD, CLASSES, "thresholds: [{expr: p95 != 2s}]"), "spec.thresholds[0].expr",
                        "unknown operator '!='; expected one of < <= > >= =="),
                reject(spec(TARGET, LOAD, CLASSES, "thresholds: [{expr: p95 < 2}]"), "spec.thresholds[0].expr",
                        "p95 is a latency and needs a time unit (ms, s or m)"),
                reject(spec(TARGET, LOAD, CLASSES, "thresholds: [{expr: failureRate < 2ms}]"),
                        "spec.thresholds[0].expr", "failureRate takes a percentage such as 1%"),
                reject(spec(TARGET, LOAD, CLASSES, "thresholds: [{expr: p95 < 2s, request: GET /nope}]"),
                        "spec.thresholds[0].request", "no stats row is labelled 'GET /nope'; rows: GET /"),
                reject(spec(TARGET, LOAD, CLASSES, "thresholds: [{request: GET /}]"), "spec.thresholds[0].expr",
                        "is required"),
                // command-line flags
                reject(spec(TARGET, LOAD, CLASSES), flags(null, 0, null, null, null), "--users",
                        "must be at least 1, got 0"),
                reject(spec(TARGET, LOAD, CLASSES), flags(null, null, 0.0, null, null), "--spawn-rate",
                        "must be greater than 0"),
                reject(spec(TARGET, LOAD, CLASSES), flags(null, null, null, "5", null), "--duration",
                        "without a unit"),
                reject(spec(TARGET, LOAD, CLASSES), flags("shop:8080", null, null, null, null), "--host",
                        "with its scheme"),
                reject(spec(TARGET, LOAD, CLASSES), flags(null, null, null, null, List.of("mobile")), "--tags",
                        "no task matches (include [mobile], exclude []); tags in the file: web"),
                reject(spec(TARGET, LOAD, "tags: {exclude: [web]}", CLASSES), "spec.tags", "no task matches"));
    }

    @ParameterizedTest(name = "[{index}] {2}: {3}")
    @MethodSource("malformedFiles")
    void rejectsWithTheFieldPathAndWhatWasExpected(String file, Overrides overrides, String path, String fragment) {
        assertThatThrownBy(() -> LoadTestCompiler.compile(LoadTestParser.parse(file), overrides, Map.of()))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .as("problems of:\n%s", file)
                        .anySatisfy(problem -> {
                            assertThat(problem.path()).isEqualTo(path);
                            assertThat(problem.message()).contains(fragment);
                        }));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("malformedFiles")
    void reportsOnlyProblemsAboutTheChangedLine(String file, Overrides overrides, String path, String fragment) {
        assertThatThrownBy(() -> LoadTestCompiler.compile(LoadTestParser.parse(file), overrides, Map.of()))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path)
                        .allSatisfy(reported -> assertThat(reported).startsWith(parent(path))));
    }

    /** The path of the map or list holding the field: {@code spec.load} for {@code spec.load.users}. */
    private static String parent(String path) {
        return path.replaceAll("(\\.[^.\\[]+|\\[[^]]+])$", "");
    }
}
