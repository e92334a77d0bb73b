package io.stampede.runner.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.engine.http.FailureCauses;
import io.stampede.runner.testing.StampedeProcess;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generator that runs out of file descriptors: {@code stampede run} in a process of its own whose soft limit is
 * 256 ({@code ulimit -n 256}), with 1,000 users against a real server. Users that cannot open a connection count
 * a failure with its cause and go on; every request the server received is counted, and the report says the
 * generator ran out of file descriptors.
 */
class OutOfFileDescriptorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 1000;

    @TempDir
    Path dir;

    @Test
    void countsExactlyAndNamesTheCauseWhenSocketsCannotBeOpened() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Path test = dir.resolve("fd.yaml");
            Files.writeString(test, """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: fd}
                    spec:
                      target: %s
                      load: {users: %d, spawnRate: 1000, duration: 5s}
                      userClasses:
                        - name: reader
                          wait: {between: [100ms, 300ms]}
                          tasks:
                            - {name: get, request: {method: GET, path: /items}}
                    """.formatted(server.baseUrl(), USERS));
            Path summaryFile = dir.resolve("summary.json");
            String output;
            try (StampedeProcess run = StampedeProcess.in(dir).log("run.log").maxHeap("512m").openFilesLimit(256)
                    .start("run", test.toString(), "--quiet", "--json", summaryFile.toString())) {
                assertThat(run.awaitExit(Duration.ofSeconds(90))).as(run.output()).isZero();
                output = run.output();
            }

            JsonNode summary = JSON.readTree(summaryFile.toFile());
            JsonNode total = summary.at("/summary/total");
            long failures = total.get("failures").asLong();
            long succeeded = total.get("requests").asLong() - failures;
            assertThat(succeeded).as("successes counted vs received by the server; " + output)
                    .isEqualTo(server.totalRequests()).isPositive();
            assertThat(failures).as(output).isPositive();
            assertThat(summary.get("failures")).allSatisfy(failure -> assertThat(failure.get("error").asText())
                    .isEqualTo(FailureCauses.NO_FILE_DESCRIPTORS));
            // Every user tried at least once: none is stuck without a request counted.
            assertThat(total.get("requests").asLong()).isGreaterThanOrEqualTo(USERS);
            assertThat(summary.at("/generator/outOfFileDescriptors").asLong()).isPositive();
            assertThat(summary.at("/generator/message").asText()).contains("ran out of file descriptors");
            assertThat(output).contains("ran out of file descriptors").doesNotContain("Exception");
        }
    }
}
