package io.stampede.runner.engine;

import io.stampede.runner.scenario.ExpectPlan;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.StepPlan;
import io.stampede.runner.scenario.Template;
import io.stampede.runner.scenario.TemplateContext;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.WaitPlan;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.stampede.runner.engine.Plans.constantLoad;
import static io.stampede.runner.engine.Plans.plan;
import static io.stampede.runner.engine.Plans.task;
import static io.stampede.runner.engine.Plans.text;
import static io.stampede.runner.engine.Plans.userClass;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendered values that are not legal in a request line or a header (a Secret with a trailing newline, a CRLF in an
 * extracted value) fail the request with a cause before any byte is sent: nothing is smuggled to the server.
 */
class InvalidRenderedValuesTest {

    private static final int USERS = 4;
    private static final long RUN_MILLIS = 1500;
    @AutoClose
    private static final EventLoops eventLoops = EventLoops.create(2);

    @Test
    void aHeaderValueWithALineBreakIsAFailureAndNeverReachesTheServer() throws Exception {
        String smuggling = "abc\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x";
        Map<String, Long> causes = runAgainstServer(List.of(
                new RequestPlan.HeaderPlan("Authorization", rendered("Bearer ", smuggling))), text("/me"));

        assertThat(causes).containsOnlyKeys("invalid request: header Authorization contains a line break");
    }

    @Test
    void aSecretWithATrailingNewlineIsAFailureEvenWhenTheRequestIsConstant() throws Exception {
        Map<String, Long> causes = runAgainstServer(List.of(
                new RequestPlan.HeaderPlan("X-Api-Key", text("abc123\n"))), text("/me"));

        assertThat(causes).containsOnlyKeys("invalid request: header X-Api-Key contains a line break");
    }

    @Test
    void aPathThatWouldSplitTheRequestLineIsAFailure() throws Exception {
        Map<String, Long> spaces = runAgainstServer(List.of(), rendered("/items/", "a b"));
        Map<String, Long> breaks = runAgainstServer(List.of(), rendered("/items/", "1 HTTP/1.1\r\nX: y"));

        assertThat(spaces).containsOnlyKeys("invalid request: the path contains a space");
        assertThat(breaks).containsOnlyKeys("invalid request: the path contains a space");
        assertThat(runAgainstServer(List.of(), rendered("/items/", "1\r\nX: y")))
                .containsOnlyKeys("invalid request: the path contains a line break");
    }

    /**
     * Runs users without think time sending the request; asserts the server saw nothing and that users did not spin
     * (a request that never leaves the generator is followed by a pause); returns the failures by cause.
     */
    private static Map<String, Long> runAgainstServer(List<RequestPlan.HeaderPlan> headers, Template path)
            throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Plans.Rows rows = new Plans.Rows();
            StepPlan step = new StepPlan(new RequestPlan("GET", path, headers, null, 10_000, rows.of("GET", "/me")),
                    ExpectPlan.DEFAULT, List.of());
            TestPlan plan = plan(server.baseUrl(), rows, constantLoad(USERS, RUN_MILLIS), 5000,
                    userClass("u", new WaitPlan.None(), task("t", 1, step)));
            CollectingSink sink = new CollectingSink();

            new Engine(eventLoops.group(), plan, sink, EngineOptions.defaults()).start().get(60, TimeUnit.SECONDS);

            assertThat(server.totalRequests()).as("requests the server received").isZero();
            long failures = sink.total().failures();
            assertThat(sink.total().requests()).isEqualTo(failures);
            // One attempt at the start, then one per LOCAL_FAILURE_PAUSE_MILLIS: no hot loop of instant failures.
            assertThat(failures).isBetween((long) USERS,
                    USERS * (1 + RUN_MILLIS / VirtualUser.LOCAL_FAILURE_PAUSE_MILLIS + 1));
            return sink.failuresByCause();
        }
    }

    /** A user-dependent template (as a variable or an extracted value is) rendering prefix + value. */
    private static Template rendered(String prefix, String value) {
        return new Template() {
            @Override
            public void appendTo(StringBuilder out, TemplateContext context) {
                out.append(prefix).append(value);
            }

            @Override
            public boolean isConstant() {
                return false;
            }

            @Override
            public String source() {
                return prefix + "${value}";
            }
        };
    }
}
