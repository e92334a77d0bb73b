package io.stampede.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.testing.DegradingTarget;
import io.stampede.runner.testing.DegradingTarget.Answer;
import io.stampede.runner.testing.DegradingTarget.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story of a run, end to end: {@code stampede run} against real targets on 127.0.0.1 that degrade on purpose,
 * each in one way, and the pattern the run names (JSON {@code story}, console). A healthy target must give
 * {@code stable}, nothing else. Each run is as short as its pattern's rule allows (the analysis needs 20 s after
 * the first 3; a sawtooth 31 judged seconds; a throughput decay 60 s at constant users). The runs take 4 minutes
 * one after the other, so they run two at a time (junit-platform.properties caps it): each target runs its own
 * threads and each run its own engine, and the patterns were named right under far heavier machine load.
 */
@Execution(ExecutionMode.CONCURRENT)
class StoryRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASKS = """
                      userClasses:
                        - name: u
                          tasks: [{name: work, request: {method: GET, path: /work}}]
                    """;

    @TempDir
    Path dir;

    @Test
    void aHealthyTargetIsStableAndNothingElse() throws Exception {
        JsonNode story = run((path, inFlight, elapsed, served) -> Answer.ok(5), 64,
                "load: {users: 10, duration: 25s}", TASKS);

        assertThat(patterns(story)).containsExactly("stable");
        assertThat(story.get("verdict").asText()).isEqualTo("graceful");
        assertThat(story.at("/entries/0/text").asText()).startsWith("p95 steady (").endsWith("no failures");
    }

    @Test
    void aCollapsePastTwentyInFlightIsACliffAtAboutTwentyUsers() throws Exception {
        // Fine (5 ms) up to 20 requests in flight, then every request takes 400 ms; users ramp 0 -> 40 over 30 s.
        JsonNode story = run((path, inFlight, elapsed, served) -> Answer.ok(inFlight > 20 ? 400 : 5), 64,
                "load: {stages: [{duration: 30s, users: 40}]}", TASKS);

        assertThat(patterns(story)).contains("cliff");
        JsonNode cliff = entry(story, "cliff");
        assertThat(cliff.at("/at/users").asInt()).as(cliff.toString()).isBetween(14, 26);
        assertThat(story.get("verdict").asText()).isEqualTo("catastrophic");
    }

    @Test
    void latencyProportionalToConcurrencyIsLinearUnderAStressRunThatNeverBreaks() throws Exception {
        // Each request takes 2 ms per request in flight: 10 ms at 5 users ... 80 ms at 40.
        JsonNode summary = runSummary((path, inFlight, elapsed, served) -> Answer.ok(2L * inFlight), 64, """
                load:
                    spawnRate: 100
                    stress: {users: {start: 5, step: 5, max: 40}, every: 3s}
                """, TASKS + """
                  thresholds: [{expr: p95 < 5s}]
                """);
        JsonNode story = summary.get("story");

        assertThat(patterns(story)).containsExactly("linear");
        assertThat(story.get("verdict").asText()).isEqualTo("graceful");
        assertThat(summary.at("/capacity/text").asText()).isEqualTo("held up to 40 users, the last step");
        assertThat(summary.at("/capacity/broke").isNull()).isTrue();
        assertThat(summary.at("/capacity/steps").size()).isEqualTo(8);
    }

    @Test
    void periodicPausesAreASawtooth() throws Exception {
        // Every 5 s the target stalls for 1 s (a stop-the-world pause): requests in it take 250 ms.
        JsonNode story = run((path, inFlight, elapsed, served) -> Answer.ok(elapsed % 5000 < 1000 ? 250 : 5), 64,
                "load: {users: 10, duration: 42s}", TASKS);

        assertThat(patterns(story)).contains("sawtooth").doesNotContain("cliff", "stable");
    }

    @Test
    void oneEndpointThatTurnsSlowIsAFlatThenSpikeOnItsRow() throws Exception {
        // GET /search takes 400 ms from 12 s on; GET /list stays at 5 ms. Search is 1 task in 31, so the
        // aggregate's p95 stays flat.
        JsonNode story = run((path, inFlight, elapsed, served) ->
                        Answer.ok(path.equals("/search") && elapsed > 12_000 ? 400 : 5), 64,
                "load: {users: 10, duration: 28s}", """
                  userClasses:
                    - name: u
                      tasks:
                        - {name: list, weight: 30, request: {method: GET, path: /list}}
                        - {name: search, weight: 1, request: {method: GET, path: /search}}
                """);

        assertThat(patterns(story)).contains("flatThenSpike").doesNotContain("cliff", "stable");
        assertThat(entry(story, "flatThenSpike").get("row").asText()).isEqualTo("GET /search");
    }

    @Test
    void refusalsPastFifteenInFlightAreErrorsUnderLoad() throws Exception {
        // 503 at once when more than 15 requests are in flight; users ramp 0 -> 30 over 30 s.
        JsonNode story = run((path, inFlight, elapsed, served) ->
                        inFlight > 15 ? new Answer(0, 503) : Answer.ok(10), 64,
                "load: {stages: [{duration: 30s, users: 30}]}", TASKS);

        assertThat(patterns(story)).contains("errorsUnderLoad").doesNotContain("stable");
        assertThat(entry(story, "errorsUnderLoad").at("/at/users").asInt()).isBetween(11, 24);
        assertThat(story.get("verdict").asText()).isEqualTo("catastrophic");
    }

    @Test
    void aTargetThatSlowsWithEveryRequestServedIsAThroughputDecay() throws Exception {
        // A leak: each request takes 2 ms plus 1 ms per 1,500 served before it; 10 users for 70 s.
        JsonNode story = run((path, inFlight, elapsed, served) -> Answer.ok(2 + served / 1500), 64,
                "load: {users: 10, duration: 70s}", TASKS);

        assertThat(patterns(story)).contains("throughputDecay").doesNotContain("stable");
    }

    private JsonNode run(Service service, int threads, String load, String classes) throws Exception {
        return runSummary(service, threads, load, classes).get("story");
    }

    /** Runs the file against the target and returns the JSON summary; the console's story must match it. */
    private JsonNode runSummary(Service service, int threads, String load, String rest) throws Exception {
        try (DegradingTarget target = DegradingTarget.start(threads, service)) {
            Path test = file(dir, "story.yaml", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: story}
                    spec:
                      target: TARGET
                    """ + indent(load) + rest, target.baseUrl());
            Path json = dir.resolve("story.json");

            Cli.Outcome outcome = stampede("run", test.toString(), "--json", json.toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isIn(0, 1);
            JsonNode summary = JSON.readTree(json.toFile());
            assertThat(summary.at("/summary/total/requests").asLong()).isEqualTo(target.served());
            JsonNode story = summary.get("story");
            // The figures, for the record of a run (the surefire report keeps them).
            System.out.println(story);
            assertThat(outcome.out()).contains("Story (" + story.get("verdict").asText() + "):");
            for (JsonNode entry : story.get("entries")) {
                assertThat(outcome.out()).contains(entry.get("pattern").asText()).contains(entry.get("text").asText());
            }
            return summary;
        }
    }

    private static String indent(String load) {
        return load.lines().map(line -> "  " + line).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }

    private static List<String> patterns(JsonNode story) {
        List<String> patterns = new ArrayList<>();
        story.get("entries").forEach(entry -> patterns.add(entry.get("pattern").asText()));
        return patterns;
    }

    private static JsonNode entry(JsonNode story, String pattern) {
        for (JsonNode entry : story.get("entries")) {
            if (entry.get("pattern").asText().equals(pattern)) return entry;
        }
        throw new AssertionError("no " + pattern + " in " + story);
    }
}
