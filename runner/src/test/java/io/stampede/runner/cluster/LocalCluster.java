package io.stampede.runner.cluster;

import io.stampede.runner.testing.StampedeProcess;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A distributed run on 127.0.0.1 as an operator sets it up: {@code stampede master} on a thread of this JVM and
 * its workers ({@code stampede worker}) in JVMs of their own, sharing a token. Register it as a field,
 * {@code @RegisterExtension final LocalCluster cluster = new LocalCluster(TOKEN);}: after each test it kills the
 * workers still running.
 *
 * <p>Threading: one test thread.
 */
final class LocalCluster implements AfterEachCallback {

    private final String token;
    private final List<StampedeProcess> workers = new ArrayList<>();
    private Path dir;
    private MasterInThread master;

    /** @param token the token the master expects (written to a file for it) and the workers present */
    LocalCluster(String token) {
        this.token = token;
    }

    /**
     * Starts the master with {@code masterArgs} (the LoadTest file first, then options) and
     * {@code --expect-workers workers --token-file dir/token}, then that many workers named w1, w2, ...
     * with the token, their output in {@code dir/w<N>.log}.
     */
    MasterInThread start(Path dir, int workers, String... masterArgs) throws IOException {
        startMaster(dir, workers, masterArgs);
        for (int i = 1; i <= workers; i++) startWorker("w" + i, token);
        return master;
    }

    /** Starts only the master, expecting {@code expectWorkers} workers that the test starts or not. */
    MasterInThread startMaster(Path dir, int expectWorkers, String... masterArgs) throws IOException {
        this.dir = dir;
        Path tokenFile = Files.writeString(dir.resolve("token"), token + "\n");
        List<String> args = new ArrayList<>(List.of(masterArgs));
        args.addAll(List.of("--expect-workers", Integer.toString(expectWorkers), "--token-file", tokenFile.toString()));
        master = MasterInThread.start(args.toArray(String[]::new));
        return master;
    }

    /** Starts one more worker for the master, with the given token (the right one or not). */
    StampedeProcess startWorker(String name, String workerToken) {
        StampedeProcess worker = StampedeProcess.in(dir).log(name + ".log").environment("STAMPEDE_TOKEN", workerToken)
                .start("worker", "--master", "127.0.0.1:" + master.port(), "--name", name, "--connect-timeout", "30s");
        workers.add(worker);
        return worker;
    }

    /** The workers in the order started; w1 is {@code worker(0)}. */
    StampedeProcess worker(int index) {
        return workers.get(index);
    }

    List<StampedeProcess> workers() {
        return List.copyOf(workers);
    }

    /** Every worker's output so far, each under a line with its process id. */
    String workerLogs() {
        StringBuilder all = new StringBuilder();
        workers.forEach(worker -> all.append("\n--- worker ").append(worker.pid()).append(":\n").append(worker.output()));
        return all.toString();
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (StampedeProcess worker : workers) worker.close();
        workers.clear();
    }
}
