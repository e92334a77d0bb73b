package io.stampede.runner.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Prometheus's own linter, {@code promtool check metrics} (Debian's {@code prometheus}), run on a scrape: what
 * Prometheus users' CI runs on an exporter. Installed by {@code .ci/run}; on CI (CI=true) a missing promtool fails
 * the test, elsewhere it skips it with the reason.
 */
public final class Promtool {

    private static final Path BINARY = Path.of("/usr/bin/promtool");

    private Promtool() {
    }

    /** What {@code promtool check metrics} said about {@code exposition} (stdout and stderr), and its exit code. */
    public record Verdict(int exitCode, String output) {
        public boolean clean() {
            return exitCode == 0 && output.isBlank();
        }
    }

    public static void assumeInstalled() {
        boolean present = Files.isExecutable(BINARY);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI needs Debian's prometheus (promtool, installed by .ci/run): " + BINARY + " is missing");
        }
        assumeTrue(present, "promtool is not installed (apt-get install prometheus)");
    }

    /** Feeds a scrape (Prometheus text format) to {@code promtool check metrics} on its stdin. */
    public static Verdict checkMetrics(String exposition) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(BINARY.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish in 30 s");
        }
        return new Verdict(process.exitValue(), output);
    }
}
