package io.stampede.operator.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One container of a pod run as a local process of the runner jar ({@code java -jar stampede.jar ARGS}, as the
 * runner image's entrypoint runs it), its output in a log file. Killed by PID, with its children.
 */
final class PodProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private PodProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param hosts the pod's name resolution, a hosts file (what cluster DNS answers for the namespace's Services),
     *              read by the JVM instead of the machine's resolver ({@code jdk.net.hosts.file})
     */
    static PodProcess start(String name, Path runnerJar, List<String> args, Map<String, String> env, Path dir,
                            Path hosts) throws IOException {
        Path log = dir.resolve(name + ".log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve(name + "-tmp")),
                "-Djdk.net.hosts.file=" + hosts, "-jar", runnerJar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new PodProcess(name, builder.start(), log);
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The exit code, or null while it runs. */
    Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** SIGKILL, as a node that loses a pod would; waits for it to end. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
