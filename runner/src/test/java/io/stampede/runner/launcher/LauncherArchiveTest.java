package io.stampede.runner.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches at once (a master and its workers started together on a fresh build) and the start-up archive: one
 * launch makes it, the others start without it at once, and no launch is ever handed a half-written archive.
 * Checked with a stand-in {@code java} whose training run writes the archive in two parts, 2 s apart, and exits
 * with {@code TRAINING_EXIT}.
 */
class LauncherArchiveTest {

    private static final Path LAUNCHER = Path.of("..", "stampede").toAbsolutePath().normalize();

    private static final String STAND_IN = """
            #!/usr/bin/env bash
            for arg in "$@"; do
              case "$arg" in
                -XX:ArchiveClassesAtExit=*) out="${arg#*=}" ;;
                -XX:SharedArchiveFile=*) use="${arg#*=}" ;;
              esac
            done
            if [ -n "${out:-}" ]; then
              echo "training $$" >>"$TRAININGS"
              printf 'half' >"$out"
              sleep "${TRAINING_SLEEP:-2}"
              printf ' and whole' >>"$out"
              exit "${TRAINING_EXIT:-0}"
            fi
            if [ -n "${use:-}" ] && [ -f "$use" ]; then echo "archive: $(cat "$use")"; else echo "archive: none"; fi
            """;

    @TempDir
    Path dir;

    @Test
    void fourLaunchesAtOnceTrainOnceAndNeverReadAHalfWrittenArchive() throws Exception {
        Path jdk = standInJdk();
        Path jar = Files.writeString(dir.resolve("stampede.jar"), "not a jar: the stand-in java never opens it");

        List<Process> launches = new ArrayList<>();
        for (int i = 0; i < 4; i++) launches.add(launch(jdk, jar));
        List<String> outputs = new ArrayList<>();
        for (Process launch : launches) outputs.add(finished(launch));

        assertThat(Files.readAllLines(dir.resolve("trainings"))).as("training runs").hasSize(1);
        assertThat(outputs).allSatisfy(output -> assertThat(output).isIn("archive: none", "archive: half and whole"));
        assertThat(outputs).as("launches that did not wait for the training").contains("archive: none");
        assertThat(dir.resolve("stampede.jsa")).hasContent("half and whole");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains("partial"));
        }

        assertThat(finished(launch(jdk, jar))).isEqualTo("archive: half and whole");
        assertThat(Files.readAllLines(dir.resolve("trainings"))).as("training runs").hasSize(1);
    }

    @Test
    void aTrainingRunWhoseThresholdsFailStillLeavesItsArchive() throws Exception {
        // On a busy machine the demo's own thresholds fail (p95 of 2 s against 500 ms): exit 1, a complete run.
        Path jdk = standInJdk();
        Path jar = Files.writeString(dir.resolve("stampede.jar"), "not a jar");

        assertThat(finished(launch(jdk, jar, "1"))).isEqualTo("archive: half and whole");
        assertThat(finished(launch(jdk, jar, "1"))).isEqualTo("archive: half and whole");
        assertThat(Files.readAllLines(dir.resolve("trainings"))).as("training runs").hasSize(1);
    }

    @Test
    void aTrainingRunThatCouldNotRunLeavesNoArchive() throws Exception {
        Path jdk = standInJdk();
        Path jar = Files.writeString(dir.resolve("stampede.jar"), "not a jar");

        assertThat(finished(launch(jdk, jar, "3"))).isEqualTo("archive: none");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.contains("partial") || name.endsWith(".jsa"));
        }
    }

    private Path standInJdk() throws Exception {
        Path jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = Files.writeString(jdk.resolve("bin/java"), STAND_IN);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return jdk;
    }

    private Process launch(Path jdk, Path jar) throws Exception {
        return launch(jdk, jar, "0");
    }

    private Process launch(Path jdk, Path jar, String trainingExit) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", LAUNCHER.toString(), "version").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("STAMPEDE_JAR", jar.toString());
        builder.environment().put("TRAININGS", dir.resolve("trainings").toString());
        builder.environment().put("TRAINING_EXIT", trainingExit);
        builder.environment().put("TRAINING_SLEEP", trainingExit.equals("0") ? "2" : "0");
        builder.environment().remove("STAMPEDE_CDS");
        return builder.start();
    }

    private static String finished(Process launch) throws Exception {
        assertThat(launch.waitFor(30, TimeUnit.SECONDS)).as("the launch ended").isTrue();
        String output = new String(launch.getInputStream().readAllBytes()).strip();
        assertThat(launch.exitValue()).as(output).isZero();
        return output;
    }
}
