package io.stampede.operator.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The operator as a process of its own: the test-profile build's {@code quarkus-run.jar} in a child JVM, pointed at
 * a mock API server and at the master proxy, its output in a file. {@link #kill()} is SIGKILL (kill -9): no shutdown
 * hook, no graceful stop of the operator's informers or reconcilers.
 */
final class OperatorProcess {

    private final Process process;
    private final Path log;

    private OperatorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param jar        the operator's {@code quarkus-run.jar}
     * @param apiServer  the mock API server's URL
     * @param masterUrl  the operator's {@code stampede.master-url} template
     */
    static OperatorProcess start(Path jar, String apiServer, String masterUrl, Path log) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: it is built by `package` (the "
                    + "e2e-operator execution in operator/pom.xml), before failsafe runs this test");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // the test profile's runtime settings (short intervals, the 127.0.0.1 targets allowed)
                "-Dquarkus.profile=test",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=0",
                "-Dquarkus.kubernetes-client.api-server-url=" + apiServer,
                "-Dquarkus.kubernetes-client.trust-certs=true",
                "-Dkubernetes.auth.tryKubeConfig=false",
                "-Dkubernetes.auth.tryServiceAccount=false",
                "-Dstampede.master-url=" + masterUrl,
                "-jar", jar.toAbsolutePath().toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new OperatorProcess(process, log);
    }

    /** SIGKILL, and wait until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Its output so far, for a failing assertion. */
    String log() {
        try {
            return "==== operator " + log.getFileName() + (process.isAlive() ? "" : " (exit " + process.exitValue() + ")")
                    + "\n" + Files.readString(log) + "\n";
        } catch (IOException e) {
            return "(no operator log: " + e + ")\n";
        }
    }
}
