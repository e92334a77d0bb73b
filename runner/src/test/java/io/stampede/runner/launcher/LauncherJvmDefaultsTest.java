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
 * The {@code ./stampede} launcher starts Java with a load generator's GC and heap defaults (SerialGC, a 64 MB
 * initial heap), and {@code STAMPEDE_JAVA_OPTS} overrides them: a collector named there replaces SerialGC (the
 * JVM refuses two collectors), other options come after the defaults and win. Checked with a stand-in
 * {@code java} that prints its arguments, one a line.
 */
class LauncherJvmDefaultsTest {

    private static final Path LAUNCHER = Path.of("..", "stampede").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void startsJavaWithSerialGcAndASmallInitialHeap() throws Exception {
        List<String> arguments = javaArguments(null);

        assertThat(arguments).contains("-XX:+UseSerialGC", "-XX:InitialHeapSize=64m");
        assertThat(arguments.subList(arguments.indexOf("-jar"), arguments.size())).endsWith("version");
    }

    @Test
    void aCollectorInStampedeJavaOptsReplacesSerialGc() throws Exception {
        List<String> arguments = javaArguments("-Xmx2g -XX:+UseG1GC");

        assertThat(arguments).doesNotContain("-XX:+UseSerialGC").contains("-XX:+UseG1GC", "-Xmx2g");
        assertThat(arguments.indexOf("-XX:InitialHeapSize=64m")).isLessThan(arguments.indexOf("-Xmx2g"));
    }

    @Test
    void heapOptionsInStampedeJavaOptsComeLastAndWin() throws Exception {
        List<String> arguments = javaArguments("-XX:InitialHeapSize=256m -XX:+UseStringDeduplication");

        assertThat(arguments).contains("-XX:+UseSerialGC");
        assertThat(arguments.lastIndexOf("-XX:InitialHeapSize=256m"))
                .isGreaterThan(arguments.indexOf("-XX:InitialHeapSize=64m"));
    }

    /** Runs the launcher with a stand-in JDK and the given STAMPEDE_JAVA_OPTS; the arguments Java was given. */
    private List<String> javaArguments(String javaOpts) throws Exception {
        Path jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.writeString(dir.resolve("stampede.jar"), "not a jar: the stand-in java never opens it");

        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "version").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("STAMPEDE_JAR", jar.toString());
        builder.environment().put("STAMPEDE_CDS", "off");
        builder.environment().remove("STAMPEDE_JAVA_OPTS");
        if (javaOpts != null) builder.environment().put("STAMPEDE_JAVA_OPTS", javaOpts);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
