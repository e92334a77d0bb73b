package io.stampede.runner.scenario.compile;

import io.stampede.runner.scenario.ResponseView;
import io.stampede.runner.load.ConstantLoadPlan;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.scenario.ExpectPlan;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.Scenario;
import io.stampede.runner.scenario.StepPlan;
import io.stampede.runner.scenario.TaskPlan;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.UserClassPlan;
import io.stampede.runner.scenario.WaitPlan;
import io.stampede.runner.scenario.template.FixedContext;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.Threshold;
import io.stampede.runner.stats.Threshold.Comparison;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's complete example, compiled as the runner will run it. */
class LoadTestCompilerTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/loadtests/shop-api.yaml");
    private static final Map<String, String> ENV = Map.of("SHOP_PASSWORD", "pa\"ss");
    private static final Overrides ALL_TAGS = new Overrides(null, null, null, null, List.of(), null);

    private static TestPlan compile(Overrides overrides) throws Exception {
        return LoadTestCompiler.compile(LoadTestParser.parse(EXAMPLE), overrides, ENV);
    }

    @Test
    void compilesTheExampleWithItsOwnTagFilter() throws Exception {
        TestPlan plan = compile(Overrides.none());
        Scenario scenario = plan.scenario();
        assertThat(scenario.name()).isEqualTo("shop-api");
        assertThat(scenario.target()).isEqualTo(URI.create("http://shop.staging.svc:8080"));
        // include [browse]: checkout (purchase) and the untagged monitor class do not run, like locust --tags
        assertThat(scenario.userClasses()).extracting(UserClassPlan::name).containsExactly("shopper");
        assertThat(scenario.userClasses().get(0).tasks()).extracting(TaskPlan::name)
                .containsExactly("list products", "view product");
        assertThat(scenario.rows()).containsExactly(new RowKey("POST", "/api/auth/login"),
                new RowKey("GET", "/api/products"), new RowKey("GET", "/api/products/{id}"));
        assertThat(plan.thresholds()).extracting(Threshold::request).containsExactly(null, null, null, null,
                "GET /api/products/{id}");
    }

    @Test
    void compilesEveryClassTaskAndRowWhenTheTagFilterIsLifted() throws Exception {
        Scenario scenario = compile(ALL_TAGS).scenario();
        assertThat(scenario.userClasses()).extracting(UserClassPlan::name, UserClassPlan::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shopper", 6),
                        org.assertj.core.groups.Tuple.tuple("monitor", 1));
        assertThat(scenario.rows()).extracting(RowKey::label).containsExactly("POST /api/auth/login",
                "GET /api/products", "GET /api/products/{id}", "POST /api/cart/items", "POST /api/orders",
                "GET /health");
        UserClassPlan shopper = scenario.userClasses().get(0);
        assertThat(shopper.tasks()).extracting(TaskPlan::name, TaskPlan::weight).containsExactly(
                org.assertj.core.groups.Tuple.tuple("list products", 5),
                org.assertj.core.groups.Tuple.tuple("view product", 3),
                org.assertj.core.groups.Tuple.tuple("checkout", 1));
        assertThat(shopper.tasks().get(2).tags()).containsExactly("purchase");
        assertThat(shopper.slotNames()).containsExactly("token");
        assertThat(shopper.waitPlan()).isEqualTo(new WaitPlan.Between(1000, 3000));
        assertThat(shopper.reauthOn()).containsExactly(401);
        UserClassPlan monitor = scenario.userClasses().get(1);
        assertThat(monitor.waitPlan()).isEqualTo(new WaitPlan.Constant(5000));
        assertThat(monitor.onStart()).isEmpty();
        assertThat(monitor.slotNames()).isEmpty();
    }

    @Test
    void theLoginRendersUserSpecificJsonWithTheSecretFromTheEnvironment() throws Exception {
        UserClassPlan shopper = compile(ALL_TAGS).scenario().userClasses().get(0);
        StepPlan login = shopper.onStart().get(0);
        RequestPlan request = login.request();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery().render(null)).isEqualTo("/api/auth/login");
        assertThat(request.body().contentType()).isEqualTo("application/json");
        assertThat(request.body().text().render(FixedContext.user(7, (String) null)))
                .isEqualTo("{\"email\":\"user7@example.com\",\"password\":\"pa\\\"ss\"}");
        assertThat(request.body().text().source()).doesNotContain("pa\\\"ss");
        assertThat(login.expect().statuses()).containsExactly(200);
        assertThat(login.extractions()).singleElement().satisfies(extraction -> {
            assertThat(extraction.name()).isEqualTo("token");
            assertThat(extraction.slot()).isZero();
            assertThat(extraction.source().extract(
                    new ResponseView("{\"access_token\":\"t-1\"}", name -> null))).isEqualTo("t-1");
        });
        assertThat(login.needsBody()).isTrue();
    }

    @Test
    void headersMergeDefaultsAndClassAndReadTheExtractedToken() throws Exception {
        UserClassPlan shopper = compile(ALL_TAGS).scenario().userClasses().get(0);
        RequestPlan list = shopper.tasks().get(0).steps().get(0).request();
        FixedContext user = FixedContext.user(3, "tok-3");
        assertThat(list.headers()).extracting(RequestPlan.HeaderPlan::name).containsExactly("Accept", "Authorization");
        assertThat(list.headers().get(1).value().render(user)).isEqualTo("Bearer tok-3");
        assertThat(list.timeoutMillis()).isEqualTo(10_000);
        assertThat(list.body()).isNull();
        assertThat(list.isConstant()).isFalse();
        assertThat(list.pathAndQuery().render(user)).matches("/api/products\\?page=([1-9]|1\\d|20)&limit=20");
    }

    @Test
    void viewProductIsOneRowWhateverIdItRenders() throws Exception {
        Scenario scenario = compile(ALL_TAGS).scenario();
        RequestPlan view = scenario.userClasses().get(0).tasks().get(1).steps().get(0).request();
        assertThat(scenario.rows().get(view.row())).isEqualTo(new RowKey("GET", "/api/products/{id}"));
        assertThat(view.pathAndQuery().render(FixedContext.user(1))).matches("/api/products/\\d+");
    }

    @Test
    void checkoutStepsSendNumbersAsNumbersAndCarryTheirVerdicts() throws Exception {
        TaskPlan checkout = compile(ALL_TAGS).scenario().userClasses().get(0).tasks().get(2);
        assertThat(checkout.steps()).hasSize(2);
        assertThat(checkout.steps().get(0).request().body().text().render(FixedContext.user(1)))
                .matches("\\{\"productId\":\\d+,\"quantity\":1}");
        ExpectPlan orderExpect = checkout.steps().get(1).expect();
        assertThat(orderExpect.statuses()).containsExactly(201);
        assertThat(orderExpect.failureFor(409)).isEqualTo("Cart was empty");
        assertThat(orderExpect.failureFor(500)).isEqualTo("HTTP 500");
    }

    @Test
    void healthIsAConstantRequestWithTheDefaultExpectation() throws Exception {
        UserClassPlan monitor = compile(ALL_TAGS).scenario().userClasses().get(1);
        StepPlan health = monitor.tasks().get(0).steps().get(0);
        assertThat(health.request().isConstant()).isTrue();
        assertThat(health.expect()).isEqualTo(ExpectPlan.DEFAULT);
        assertThat(health.needsBody()).isFalse();
    }

    @Test
    void theLoadIsThePresetWithTheFilesFieldsOnTop() throws Exception {
        TestPlan plan = compile(Overrides.none());
        assertThat(plan.load()).isEqualTo(new ConstantLoadPlan(10, 2, 120_000));
        assertThat(plan.stopTimeoutMillis()).isEqualTo(10_000);
        assertThat(plan.workers()).isEqualTo(4);
    }

    @Test
    void thresholdsAreParsedIntoBaseUnits() throws Exception {
        assertThat(compile(Overrides.none()).thresholds()).containsExactly(
                new Threshold("p95 < 2s", null, "p95", Comparison.LT, 2000),
                new Threshold("avg < 500ms", null, "avg", Comparison.LT, 500),
                new Threshold("failureRate < 1%", null, "failureRate", Comparison.LT, 0.01),
                new Threshold("rps > 50", null, "rps", Comparison.GT, 50),
                new Threshold("p99 < 1s", "GET /api/products/{id}", "p99", Comparison.LT, 1000));
    }

    @Test
    void flagsReplaceTargetLoadAndTags() throws Exception {
        TestPlan plan = compile(new Overrides("https://localhost:8443/", 3, 1.5, "45s", List.of("purchase"),
                List.of()));
        assertThat(plan.scenario().target()).isEqualTo(URI.create("https://localhost:8443"));
        assertThat(plan.load()).isEqualTo(new ConstantLoadPlan(3, 1.5, 45_000));
        assertThat(plan.scenario().userClasses().get(0).tasks()).extracting(TaskPlan::name)
                .containsExactly("checkout");
        assertThat(plan.thresholds()).extracting(Threshold::request).doesNotContain("GET /api/products/{id}")
                .hasSize(4);
        assertThat(plan.scenario().rows()).extracting(RowKey::label)
                .containsExactly("POST /api/auth/login", "POST /api/cart/items", "POST /api/orders");
        assertThat(Set.copyOf(plan.scenario().userClasses().get(0).tasks().get(0).tags())).contains("purchase");
    }
}
