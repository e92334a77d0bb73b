package io.stampede.runner.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            Path log = dir.resolve("run.log");
            Process run = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    "io.stampede.runner.cli.StampedeCli", "run", test.toString(), "--quiet",
                    "--json", summaryFile.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited;
            try {
                // Past the first two seconds of load, which are not judged (warm-up).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (server.totalRequests() == 0 && System.nanoTime() < deadline && run.isAlive()) {
                    Thread.sleep(20);
                }
                Thread.sleep(3000);
                signal("STOP", run.pid());
                try {
                    Thread.sleep(STOP_MILLIS);
                } finally {
                    signal("CONT", run.pid());
                }
                exited = run.waitFor(60, TimeUnit.SECONDS);
            } finally {
                run.destroyForcibly();
                run.waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log);
            assertThat(exited).as(output).isTrue();
            assertThat(run.exitValue()).as(output).isZero();

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

    /** kill -SIG PID, on the one process this test started. */
    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }
}
