package io.stampede.runner.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.ExitCode;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.SamplePlugins;
import io.stampede.runner.testing.StampedeProcess;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plugins in a distributed run: the master and each worker load their own ({@code --plugins}); every request the
 * workers send is signed, and the merged count is the server's. A worker without the plugin refuses the test with
 * the field path (exit 2), as a pod whose image lacks it does.
 */
class DistributedPluginsTest {

    private static final String TOKEN = "test-token-plugins";

    @TempDir
    Path dir;
    private final List<StampedeProcess> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (StampedeProcess worker : workers) worker.close();
    }

    @Test
    void masterAndWorkersLoadTheirPluginsAndEveryRequestIsSigned() throws Exception {
        Path plugins = dir.resolve("plugins");
        SamplePlugins.sample(plugins);
        AtomicLong signed = new AtomicLong();
        AtomicLong unsigned = new AtomicLong();
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/x", request -> {
                (("worker-signed".equals(request.header("X-Signed-By"))) ? signed : unsigned).incrementAndGet();
                return Behaviour.ok();
            });
            Path test = loadTest(server);
            Path json = dir.resolve("merged.json");
            Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
            MasterInThread master = MasterInThread.start(test.toString(), "--expect-workers", "2", "--token-file",
                    token.toString(), "--json", json.toString(), "--keep-serving", "0s", "-q",
                    "--plugins", plugins.toString());
            for (int i = 1; i <= 2; i++) {
                workers.add(worker(master.port(), "w" + i, "--plugins", plugins.toString()));
            }

            MasterInThread.Outcome outcome = master.await(Duration.ofSeconds(60));

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            long counted = new ObjectMapper().readTree(json.toFile()).at("/summary/total/requests").asLong();
            assertThat(unsigned.get()).as("requests without the signature").isZero();
            assertThat(signed.get()).isPositive().isEqualTo(counted).isEqualTo(server.totalRequests());
        }
    }

    @Test
    void aWorkerWithoutThePluginRefusesTheTestWithTheFieldPath() throws Exception {
        Path plugins = dir.resolve("plugins");
        SamplePlugins.sample(plugins);
        try (TargetServer server = TargetServer.start()) {
            Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
            MasterInThread master = MasterInThread.start(loadTest(server).toString(), "--expect-workers", "1",
                    "--token-file", token.toString(), "--wait-for-workers", "20s", "--keep-serving", "0s", "-q",
                    "--plugins", plugins.toString());
            StampedeProcess bare = worker(master.port(), "bare");
            workers.add(bare);

            int code = bare.awaitExit(Duration.ofSeconds(30));
            master.await(Duration.ofSeconds(60));

            assertThat(code).as(bare.output()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(bare.output()).contains("spec.userClasses[0].sign.plugin: unknown request signer 'tag'");
            assertThat(server.totalRequests()).as("requests sent by a worker that refused the test").isZero();
        }
    }

    /** {@code stampede worker} in a JVM of its own, with the token and {@code more} arguments. */
    private StampedeProcess worker(int masterPort, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("worker", "--master", "127.0.0.1:" + masterPort, "--name", name,
                "--connect-timeout", "30s"));
        args.addAll(List.of(more));
        return StampedeProcess.in(dir).log(name + ".log").environment("STAMPEDE_TOKEN", TOKEN)
                .start(args.toArray(String[]::new));
    }

    private Path loadTest(TargetServer server) throws Exception {
        return Files.writeString(dir.resolve("signed.yaml"), """
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: signed}
                spec:
                  target: %s
                  load: {users: 4, duration: 3s}
                  userClasses:
                    - name: u
                      wait: {constant: 20ms}
                      sign: {plugin: tag, with: {who: worker-signed}}
                      tasks: [{name: x, request: {method: GET, path: /x}}]
                """.formatted(server.baseUrl()));
    }
}
