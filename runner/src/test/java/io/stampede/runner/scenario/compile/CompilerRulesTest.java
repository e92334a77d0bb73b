package io.stampede.runner.scenario.compile;

import io.stampede.runner.scenario.ResponseView;
import io.stampede.runner.load.ConstantLoadPlan;
import io.stampede.runner.load.Stage;
import io.stampede.runner.load.StagedLoadPlan;
import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.model.Problem;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.UserClassPlan;
import io.stampede.runner.scenario.WaitPlan;
import io.stampede.runner.scenario.template.FixedContext;
import io.stampede.runner.stats.RowKey;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompilerRulesTest {

    private static final String HEAD = "apiVersion: stampede.io/v1alpha1\nkind: LoadTest\nmetadata: {name: t}\nspec:\n";
    private static final String ONE_CLASS =
            "  userClasses: [{name: u, wait: {constant: 2s}, tasks: [{request: {method: GET, path: /}}]}]\n";

    private static TestPlan compile(String spec, Overrides overrides) throws Exception {
        return LoadTestCompiler.compile(LoadTestParser.parse(HEAD + spec), overrides, Map.of());
    }

    private static TestPlan compile(String spec) throws Exception {
        return compile(spec, Overrides.none());
    }

    private static Overrides flags(Integer users, Double spawnRate, String duration) {
        return new Overrides(null, users, spawnRate, duration, null, null);
    }

    @Test
    void withoutSpawnRateAllUsersStartAtOnceAndDefaultsApply() throws Exception {
        TestPlan plan = compile("  target: http://localhost:8080\n  load: {users: 5, duration: 1m}\n" + ONE_CLASS);
        assertThat(plan.load()).isEqualTo(new ConstantLoadPlan(5, Double.POSITIVE_INFINITY, 60_000));
        assertThat(plan.stopTimeoutMillis()).isEqualTo(30_000);
        assertThat(plan.workers()).isEqualTo(1);
        assertThat(plan.thresholds()).isEmpty();
        RequestPlan request = plan.scenario().userClasses().get(0).tasks().get(0).steps().get(0).request();
        assertThat(request.timeoutMillis()).isEqualTo(30_000);
        assertThat(plan.scenario().userClasses().get(0).tasks().get(0).name()).isEqualTo("GET /");
    }

    @Test
    void smokePresetFillsTheLoadAndExplicitFieldsWin() throws Exception {
        assertThat(compile("  target: http://h\n  load: {preset: smoke}\n" + ONE_CLASS).load())
                .isEqualTo(new ConstantLoadPlan(1, Double.POSITIVE_INFINITY, 30_000));
        assertThat(compile("  target: http://h\n  load: {preset: basic, users: 4}\n" + ONE_CLASS).load())
                .isEqualTo(new ConstantLoadPlan(4, 2, 120_000));
        assertThat(compile("  target: http://h\n  load: {preset: endurance}\n" + ONE_CLASS, flags(null, null, "1h"))
                .load()).isEqualTo(new ConstantLoadPlan(20, Double.POSITIVE_INFINITY, 3_600_000));
    }

    @Test
    void spikePresetReplacesEveryClassWait() throws Exception {
        TestPlan plan = compile("  target: http://h\n  load: {preset: spike}\n" + ONE_CLASS);
        assertThat(plan.load()).isEqualTo(new ConstantLoadPlan(100, 100, 60_000));
        assertThat(plan.scenario().userClasses().get(0).waitPlan()).isEqualTo(new WaitPlan.Between(100, 500));
    }

    @Test
    void stagesBecomeAStagedPlanCappedBySpawnRate() throws Exception {
        String stages = "  target: http://h\n  load: {spawnRate: 5, stages: [{duration: 1m, users: 50}, "
                + "{duration: 30s, users: 0}]}\n" + ONE_CLASS;
        assertThat(compile(stages).load()).isEqualTo(new StagedLoadPlan(
                List.of(new Stage(60_000, 50), new Stage(30_000, 0)), 5));
        assertThat(compile(stages, flags(null, 20.0, null)).load().spawnRatePerSecond()).isEqualTo(20.0);
    }

    @Test
    void usersOrDurationFlagsReplaceStagesWithAConstantLoad() throws Exception {
        String stages = "  target: http://h\n  load: {stages: [{duration: 1m, users: 50}, {duration: 2m, users: 10}]}\n"
                + ONE_CLASS;
        assertThat(compile(stages, flags(5, null, "30s")).load())
                .isEqualTo(new ConstantLoadPlan(5, Double.POSITIVE_INFINITY, 30_000));
        assertThat(compile(stages, flags(5, null, null)).load())
                .isEqualTo(new ConstantLoadPlan(5, Double.POSITIVE_INFINITY, 180_000));
        assertThat(compile(stages, flags(null, null, "10s")).load())
                .isEqualTo(new ConstantLoadPlan(50, Double.POSITIVE_INFINITY, 10_000));
    }

    @Test
    void flagsAloneCanSupplyTheLoadAndTheTarget() throws Exception {
        TestPlan plan = compile(ONE_CLASS, new Overrides("http://127.0.0.1:9000/base/", 2, null, "5s", null, null));
        assertThat(plan.load()).isEqualTo(new ConstantLoadPlan(2, Double.POSITIVE_INFINITY, 5_000));
        assertThat(plan.scenario().target()).isEqualTo(URI.create("http://127.0.0.1:9000/base"));
    }

    @Test
    void laterHeadersReplaceEarlierOnesIgnoringCaseAndSetTheBodyType() throws Exception {
        TestPlan plan = compile("""
                  target: http://h
                  load: {users: 1, duration: 1s}
                  defaults: {headers: {accept: text/html, X-Env: qa}, timeout: 3s}
                  userClasses:
                    - name: u
                      headers: {Accept: application/xml}
                      tasks:
                        - request: {method: POST, path: /a, headers: {ACCEPT: '*/*', content-type: application/merge-patch+json}, json: {a: 1}}
                        - request: {method: PUT, path: /b, body: 'id=${userId}', timeout: 500ms}
                """);
        UserClassPlan userClass = plan.scenario().userClasses().get(0);
        RequestPlan first = userClass.tasks().get(0).steps().get(0).request();
        assertThat(first.headers()).extracting(h -> h.name() + ": " + h.value().render(null))
                .containsExactly("ACCEPT: */*", "X-Env: qa", "content-type: application/merge-patch+json");
        assertThat(first.body().contentType()).isEqualTo("application/merge-patch+json");
        assertThat(first.timeoutMillis()).isEqualTo(3_000);
        assertThat(first.isConstant()).isTrue();
        RequestPlan second = userClass.tasks().get(1).steps().get(0).request();
        assertThat(second.body().contentType()).startsWith("text/plain");
        assertThat(second.body().text().render(FixedContext.user(9))).isEqualTo("id=9");
        assertThat(second.headers()).extracting(RequestPlan.HeaderPlan::name).containsExactly("Accept", "X-Env");
        assertThat(second.timeoutMillis()).isEqualTo(500);
    }

    @Test
    void rowsAreDeduplicatedByMethodAndNameWithoutQuery() throws Exception {
        TestPlan plan = compile("""
                  target: http://h
                  load: {users: 1, duration: 1s}
                  userClasses:
                    - name: u
                      tasks:
                        - request: {method: GET, path: '/items?page=${randomInt(1,5)}'}
                        - request: {method: GET, path: '/items?sort=name'}
                        - request: {method: POST, path: /items}
                        - request: {method: GET, path: '/items/${randomInt(1,9)}', name: '/items/{id}'}
                        - request: {method: GET, path: '/items/${randomUuid()}', name: '/items/{id}'}
                        - request: {method: GET, path: '/literal/$${x}'}
                """);
        assertThat(plan.scenario().rows()).containsExactly(new RowKey("GET", "/items"), new RowKey("POST", "/items"),
                new RowKey("GET", "/items/{id}"), new RowKey("GET", "/literal/$${x}"));
        List<Integer> rows = plan.scenario().userClasses().get(0).tasks().stream()
                .map(task -> task.steps().get(0).request().row()).toList();
        assertThat(rows).containsExactly(0, 0, 1, 2, 2, 3);
        assertThat(plan.scenario().userClasses().get(0).tasks().get(5).steps().get(0).request().pathAndQuery()
                .render(null)).isEqualTo("/literal/${x}");
    }

    @Test
    void valuesExtractedInOneTaskCanBeReadInAnother() throws Exception {
        TestPlan plan = compile("""
                  target: http://h
                  load: {users: 1, duration: 1s}
                  userClasses:
                    - name: u
                      tasks:
                        - request: {method: POST, path: /carts}
                          extract: {cartId: {jsonPath: $.id}, etag: {header: ETag}}
                        - request: {method: GET, path: '/carts/${cartId}', headers: {If-Match: '${etag}'}}
                """);
        UserClassPlan userClass = plan.scenario().userClasses().get(0);
        assertThat(userClass.slotNames()).containsExactly("cartId", "etag");
        RequestPlan read = userClass.tasks().get(1).steps().get(0).request();
        assertThat(read.pathAndQuery().render(FixedContext.user(1, "c-7", "\"v1\""))).isEqualTo("/carts/c-7");
        assertThat(read.headers().get(0).value().render(FixedContext.user(1, "c-7", "\"v1\""))).isEqualTo("\"v1\"");
        assertThat(userClass.tasks().get(0).steps().get(0).extractions().get(1).source().extract(
                new ResponseView("", Map.of("etag", "\"v1\"")::get))).isEqualTo("\"v1\"");
    }

    @Test
    void aClassWhoseTasksAreAllFilteredOutIsDropped() throws Exception {
        TestPlan plan = compile("""
                  target: http://h
                  load: {users: 1, duration: 1s}
                  tags: {exclude: [admin]}
                  userClasses:
                    - {name: admin, tasks: [{tags: [admin], request: {method: DELETE, path: /cache}}]}
                    - {name: shopper, tasks: [{request: {method: GET, path: /}}]}
                """);
        assertThat(plan.scenario().userClasses()).extracting(UserClassPlan::name).containsExactly("shopper");
        assertThat(plan.scenario().rows()).containsExactly(new RowKey("GET", "/"));
    }

    @Test
    void reportsEveryCompileProblemOfAFileAtOnce() {
        assertThatThrownBy(() -> compile("""
                  load: {preset: heavy}
                  variables: {password: {fromEnv: NOT_SET_ANYWHERE}}
                  userClasses:
                    - name: u
                      tasks:
                        - request: {method: GET, path: '/a/${id}', headers: {X-A: '${randomInt(2,1)}'}}
                          extract: {iteration: {jsonPath: $.n}}
                        - request: {method: POST, path: /b, json: {n: '${nope}'}}
                  thresholds: [{expr: p95 < 2, request: GET /a/x}, {expr: rps > 1, request: GET /zzz}]
                """, new Overrides(null, 0, null, null, null, null)))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path)
                        .containsExactly(
                                "spec.target",
                                "spec.variables.password.fromEnv",
                                "spec.load.preset",
                                "--users",
                                "spec.userClasses[0].tasks[0].extract.iteration",
                                "spec.userClasses[0].tasks[0].request.path",
                                "spec.userClasses[0].tasks[0].request.headers.X-A",
                                "spec.userClasses[0].tasks[1].request.json.n",
                                "spec.thresholds[0].expr",
                                "spec.thresholds[1].request"));
    }

    @Test
    void aBadDefaultHeaderIsReportedOnceNotOncePerClass() {
        assertThatThrownBy(() -> compile("""
                  target: http://h
                  load: {users: 1, duration: 1s}
                  defaults: {headers: {Authorization: 'Bearer ${token}'}}
                  userClasses:
                    - {name: a, tasks: [{request: {method: GET, path: /}}]}
                    - {name: b, tasks: [{request: {method: GET, path: /}}]}
                """))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("spec.defaults.headers.Authorization"));
    }
}
