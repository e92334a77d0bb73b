package io.stampede.runner.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code stampede worker} in a JVM of its own, started from the test's class path, its output in a file.
 * Always {@link #close} it (it kills the process if it still runs).
 */
final class WorkerProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private WorkerProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code stampede worker --master 127.0.0.1:port} with {@code STAMPEDE_TOKEN=token}. */
    static WorkerProcess start(int masterPort, String token, Path dir, String name) {
        return start(masterPort, token, dir, name, List.of());
    }

    /** As {@link #start(int, String, Path, String)}, with more arguments for the worker command. */
    static WorkerProcess start(int masterPort, String token, Path dir, String name, List<String> more) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "io.stampede.runner.cli.StampedeCli", "worker", "--master", "127.0.0.1:" + masterPort,
                "--name", name, "--connect-timeout", "30s"));
        command.addAll(more);
        Path output = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("STAMPEDE_TOKEN", token);
        try {
            return new WorkerProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker JVM", e);
        }
    }

    /** Waits for the exit, at most {@code timeout}; the exit code, or -1 if it still runs. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGKILL: the process ends at once, without a word to anyone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
