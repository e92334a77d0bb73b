package io.stampede.runner.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium, as a test looks at a page: runs its scripts, then hands back the DOM (or a
 * screenshot). No network: every host name resolves to nothing, so a page that needs the network shows it.
 *
 * <p>Chromium is installed by {@code .ci/run}; on CI (CI=true) a missing browser fails the test, elsewhere it
 * skips it with the reason.
 */
public final class HeadlessChromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 60;

    private HeadlessChromium() {
    }

    /** Skips (or on CI fails) when there is no Chromium to run. */
    public static void assumeInstalled() {
        boolean present = Files.isExecutable(BINARY);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI needs Debian's chromium (installed by .ci/run): " + BINARY + " is missing");
        }
        assumeTrue(present, "Debian's chromium is not installed (apt-get install chromium)");
    }

    /** The DOM of the page at {@code url} after its scripts ran for up to {@code budgetMillis} of virtual time. */
    public static String dumpDom(String url, int budgetMillis) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = baseCommand(profile, url.startsWith("file:"));
        command.add("--virtual-time-budget=" + budgetMillis);
        command.add("--dump-dom");
        command.add(url);
        return run(command);
    }

    /** Takes a screenshot of the page into {@code png}. */
    public static void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = baseCommand(profile, url.startsWith("file:"));
        command.add("--virtual-time-budget=4000");
        command.add("--hide-scrollbars");
        command.add("--screenshot=" + png.toAbsolutePath());
        command.add("--window-size=" + width + "," + height);
        command.add(url);
        run(command);
    }

    private static List<String> baseCommand(Path profile, boolean offline) {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        if (offline) {
            command.add("--host-resolver-rules=MAP * ~NOTFOUND");
        }
        return command;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("chromium", ".out");
        Path stderr = Files.createTempFile("chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited " + process.exitValue() + ": "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return out;
    }
}
