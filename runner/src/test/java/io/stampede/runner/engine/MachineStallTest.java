package io.stampede.runner.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.testing.StampedeProcess;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generator the machine stops is not a saturated generator: {@code stampede run} in a process of its own, with
 * a light load (5 users, 100 ms think time) against a real server, is stopped whole with SIGSTOP for 300 ms in mid
 * run, then continued, as a hypervisor or a container's CPU limit would. Its loops come back 300 ms late, and so
 * does its stall probe: the report says the machine stalled it, and not that it was saturated.
 * (GeneratorSaturationTest shows the other side: loops truly busy still say saturated.)
 */
class MachineStallTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STOP_MILLIS = 300;

    @TempDir
    Path dir;

    @Test
    void aProcessStoppedWholeIsReportedAsAMachineStallNotSaturation() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Path test = dir.resolve("light.yaml");
            Files.writeString(test, """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: light}
                    spec:
                      target: %s
                      load: {users: 5, spawnRate: 100, duration: 7s}
                      userClasses:
                        - name: reader
                          wait: {constant: 100ms}
                          tasks:
                            - {name: get, request: {method: GET, path: /items}}
                    """.formatted(server.baseUrl()));
            Path summaryFile = dir.resolve("summary.json");
            String output;
            try (StampedeProcess run = StampedeProcess.in(dir).log("run.log")
                    .start("run", test.toString(), "--quiet", "--json", summaryFile.toString())) {
                // Past the first two seconds of load, which are not judged (warm-up).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (server.totalRequests() == 0 && System.nanoTime() < deadline && run.isAlive()) {
                    Thread.sleep(20);
                }
                Thread.sleep(3000);
                run.signal("STOP");
                try {
                    Thread.sleep(STOP_MILLIS);
                } finally {
                    run.signal("CONT");
                }
                assertThat(run.awaitExit(Duration.ofSeconds(60))).as(run.output()).isZero();
                output = run.output();
            }

            JsonNode generator = JSON.readTree(summaryFile.toFile()).get("generator");
            assertThat(generator.get("stalled").asBoolean()).as(generator.toString()).isTrue();
            assertThat(generator.get("worstStallMs").asDouble()).as(generator.toString())
                    .isGreaterThanOrEqualTo(STOP_MILLIS * 0.8);
            assertThat(generator.get("saturated").asBoolean()).as(generator.toString()).isFalse();
            assertThat(generator.get("machines").asInt()).isEqualTo(1);
            assertThat(generator.get("message").asText()).contains("the machine stalled the load generator")
                    .contains("Not the generator's own load").doesNotContain("saturated");
            assertThat(output).contains("the machine stalled the load generator").doesNotContain("Exception");
        }
    }
}
