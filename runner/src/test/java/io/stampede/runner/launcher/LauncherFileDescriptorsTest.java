package io.stampede.runner.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./stampede} launcher raises the soft file-descriptor limit to the hard one before it starts Java, so
 * each user can hold its connection. Checked with a stand-in {@code java} that prints the limits it was started with.
 */
class LauncherFileDescriptorsTest {

    private static final Path LAUNCHER = Path.of("..", "stampede").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void startsJavaWithTheSoftLimitRaisedToTheHardOne() throws Exception {
        assertThat(run("ulimit -Sn 256 && ulimit -Hn 900")).isEqualTo("soft=900 hard=900");
    }

    @Test
    void keepsGoingWhenTheLimitIsAlreadyAtTheHardOne() throws Exception {
        assertThat(run("ulimit -n 300")).isEqualTo("soft=300 hard=300");
    }

    /** Sets the limits in a shell, then runs the launcher with a stand-in JDK; what the stand-in printed. */
    private String run(String limits) throws Exception {
        Path jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"soft=$(ulimit -Sn) hard=$(ulimit -Hn)\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.writeString(dir.resolve("stampede.jar"), "not a jar: the stand-in java never opens it");

        ProcessBuilder builder = new ProcessBuilder("bash", "-c", limits + " && exec \"$0\" version",
                LAUNCHER.toString()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("STAMPEDE_JAR", jar.toString());
        builder.environment().put("STAMPEDE_CDS", "off");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
