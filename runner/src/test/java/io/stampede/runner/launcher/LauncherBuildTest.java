package io.stampede.runner.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build {@code ./stampede} runs on a fresh checkout: Maven's JVM with the C1 compiler only and SerialGC (half
 * the CPU of the JVM's defaults, the same jar; docs/cli.md), the caller's {@code MAVEN_OPTS} after those and
 * winning, and a collector named there replacing SerialGC, since the JVM refuses two and the build would fail.
 * Checked on a copy of the launcher in a stand-in checkout whose {@code mvnw} records what it was given and
 * writes the jar, and a stand-in {@code java} that prints its arguments.
 */
class LauncherBuildTest {

    private static final Path LAUNCHER = Path.of("..", "stampede").toAbsolutePath().normalize();

    private static final String STAND_IN_MVNW = """
            #!/usr/bin/env bash
            printf '%s\\n' "$MAVEN_OPTS" >maven-opts
            printf '%s\\n' "$@" >maven-args
            mkdir -p runner/target && printf 'built' >runner/target/stampede.jar
            """;

    @TempDir
    Path checkout;

    @Test
    void theBuildRunsMavensJvmWithC1OnlyAndSerialGc() throws Exception {
        String output = launch(null);

        assertThat(output).contains("-jar", "version");
        assertThat(Files.readString(checkout.resolve("maven-opts")).strip())
                .isEqualTo("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        assertThat(Files.readAllLines(checkout.resolve("maven-args")))
                .contains("-Dmaven.test.skip=true", "-pl", "runner", "-am", "package");
    }

    @Test
    void theCallersMavenOptsComeAfterAndACollectorNamedThereReplacesSerialGc() throws Exception {
        launch("-Dhttps.proxyHost=proxy.example -XX:+UseG1GC");

        assertThat(Files.readString(checkout.resolve("maven-opts")).strip())
                .isEqualTo("-XX:TieredStopAtLevel=1 -Dhttps.proxyHost=proxy.example -XX:+UseG1GC");
    }

    @Test
    void otherMavenOptsKeepSerialGcAndComeLastToWin() throws Exception {
        launch("-Xmx2g -XX:TieredStopAtLevel=4");

        assertThat(Files.readString(checkout.resolve("maven-opts")).strip())
                .isEqualTo("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx2g -XX:TieredStopAtLevel=4");
    }

    /** Runs the launcher of a stand-in checkout without a jar (so it builds); its output, the java arguments. */
    private String launch(String mavenOpts) throws Exception {
        Files.createDirectories(checkout.resolve("runner/src/main"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.writeString(checkout.resolve("runner/pom.xml"), "<project/>");
        Path launcher = Files.copy(LAUNCHER, checkout.resolve("stampede"));
        Path mvnw = Files.writeString(checkout.resolve("mvnw"), STAND_IN_MVNW);
        Path jdk = Files.createDirectories(checkout.resolve("jdk/bin")).getParent();
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = Files.writeString(jdk.resolve("bin/java"), "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
        for (Path executable : List.of(launcher, mvnw, java)) {
            Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "version").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("STAMPEDE_CDS", "off");
        builder.environment().remove("STAMPEDE_JAR");
        builder.environment().remove("STAMPEDE_JAVA_OPTS");
        builder.environment().remove("MAVEN_OPTS");
        if (mavenOpts != null) builder.environment().put("MAVEN_OPTS", mavenOpts);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the launch ended").isTrue();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(checkout.resolve("runner/target/stampede.jar")).as(output).hasContent("built");
        return output;
    }
}
