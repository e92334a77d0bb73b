package io.stampede.runner.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code stampede} command in a JVM of its own, started from the test's class path, its stdout and stderr in a
 * file: for what an in-process run cannot show (a process stopped or killed whole, its own file descriptor
 * limit, a worker on its own). The JVM is started to come up fast on a busy machine (SerialGC, C1 only).
 *
 * <pre>{@code
 * try (StampedeProcess run = StampedeProcess.in(dir).openFilesLimit(256).start("run", file.toString(), "-q")) {
 *     assertThat(run.awaitExit(Duration.ofSeconds(90))).as(run.output()).isZero();
 * }
 * }</pre>
 *
 * Always {@link #close} it: it kills the process if it still runs. Threading: one test thread.
 */
public final class StampedeProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private StampedeProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** A process whose output goes to {@code dir/stampede.log} unless {@link Builder#log} names another file. */
    public static Builder in(Path dir) {
        return new Builder(dir);
    }

    /** How the JVM is started; every setting has a default. */
    public static final class Builder {
        private final Path dir;
        private String logName = "stampede.log";
        private String maxHeap = "256m";
        private int openFilesLimit;
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** The output file's name in the directory. */
        public Builder log(String fileName) {
            this.logName = fileName;
            return this;
        }

        /** {@code -Xmx}, e.g. {@code "512m"} (default 256m). */
        public Builder maxHeap(String size) {
            this.maxHeap = size;
            return this;
        }

        /** The process's soft limit of open files ({@code ulimit -n}); by default the test's own. */
        public Builder openFilesLimit(int files) {
            this.openFilesLimit = files;
            return this;
        }

        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Starts {@code stampede <args>}; returns at once. */
        public StampedeProcess start(String... args) {
            List<String> command = new ArrayList<>();
            if (openFilesLimit > 0) {
                command.addAll(List.of("bash", "-c", "ulimit -n " + openFilesLimit + " && exec \"$@\"", "bash"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), "io.stampede.runner.cli.StampedeCli"));
            command.addAll(List.of(args));
            Path log = dir.resolve(logName);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            try {
                return new StampedeProcess(builder.start(), log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a stampede JVM", e);
            }
        }
    }

    /** Waits for the exit, at most {@code timeout}; the exit code, or -1 if it still runs. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGTERM, as the kubelet stops a pod; does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: the process ends at once, without a word to anyone; waits up to 10 s for it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** {@code kill -<name> <pid>} (STOP, CONT, ...) on this process only. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** What it printed so far, stdout and stderr interleaved. */
    public String output() {
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
