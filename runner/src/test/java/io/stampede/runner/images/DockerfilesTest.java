package io.stampede.runner.images;

import io.stampede.runner.cli.StampedeCli;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image definitions, checked where no container engine runs: each Dockerfile copies what the build really
 * produces, runs it, and runs it as a numeric non-root user (docs/images.md, the cluster contract). Paths are
 * relative to runner/, the directory Maven runs the tests in.
 */
class DockerfilesTest {

    private static final Path RUNNER = Path.of("");
    private static final Path OPERATOR = Path.of("..", "operator");

    @Test
    void runnerImageCopiesTheJarTheShadePluginBuilds() throws Exception {
        String shadedJar = shadedJarInBuildContext();

        Dockerfile dockerfile = Dockerfile.read(RUNNER.resolve("Dockerfile"));

        assertThat(shadedJar).isEqualTo("target/stampede.jar");
        assertThat(dockerfile.copies()).containsExactly(
                new Dockerfile.Copy(List.of(shadedJar), "/opt/stampede/stampede.jar"));
        assertThat(Files.readAllLines(RUNNER.resolve(".dockerignore")))
                .as("the build context lets the jar through").contains("!" + shadedJar);
    }

    @Test
    void shadedJarStartsTheStampedeCommand() throws Exception {
        Document pom = runnerPom();

        String mainClass = xpath().evaluate("//plugin[artifactId='maven-shade-plugin']//transformer/mainClass", pom);

        assertThat(mainClass).isEqualTo(StampedeCli.class.getName());
    }

    @Test
    void runnerImageRunsTheCopiedJarSoTheOperatorSetsOnlyArgs() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(RUNNER.resolve("Dockerfile"));
        List<String> entrypoint = dockerfile.entrypoint();

        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).endsWith("-jar", "/opt/stampede/stampede.jar");
        assertThat(entrypoint.subList(1, entrypoint.size() - 2)).allMatch(option -> option.startsWith("-XX:")
                || option.startsWith("-D") || option.startsWith("-Xlog:"), "JVM options");
        assertThat(entrypoint).anyMatch(option -> option.startsWith("-XX:MaxRAMPercentage="));
        // The load generator's defaults, as ./stampede's (LauncherJvmDefaultsTest).
        assertThat(entrypoint).contains("-XX:+UseSerialGC", "-XX:InitialHeapSize=64m", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void runnerImageStartsLikeTheLauncherWithTheJitOptionsAndAnArchiveMadeAtBuildTime() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(RUNNER.resolve("Dockerfile"));
        List<String> entrypoint = dockerfile.entrypoint();
        List<String> options = entrypoint.subList(1, entrypoint.size() - 2);

        assertThat(options).as("the launcher's JIT options").containsAll(launcherJitOptions());
        String archive = options.stream().filter(option -> option.startsWith("-XX:SharedArchiveFile="))
                .map(option -> option.substring(option.indexOf('=') + 1)).findFirst()
                .orElseThrow(() -> new AssertionError("no -XX:SharedArchiveFile= in " + entrypoint));
        List<String> training = dockerfile.all("RUN").stream()
                .filter(run -> run.contains("-XX:ArchiveClassesAtExit=" + archive + " ")).toList();
        assertThat(training).as("a RUN that makes " + archive).hasSize(1);
        // An archive is used only with the jar and the options it was made with: the training run has the
        // entrypoint's options, all but the one naming the archive to use.
        List<String> trainingWords = List.of(training.get(0).split("\\s+"));
        assertThat(trainingWords).containsSubsequence("-jar", "/opt/stampede/stampede.jar", "demo");
        assertThat(trainingWords).containsAll(options.stream()
                .filter(option -> !option.startsWith("-XX:SharedArchiveFile=")).toList());
        assertThat(dockerfile.instructions()).extracting(Dockerfile.Instruction::keyword)
                .as("the archive is made after the jar is copied, before USER")
                .containsSubsequence("COPY", "RUN", "USER", "ENTRYPOINT");
    }

    /** {@code jit_opts=(...)} in the launcher, ./stampede: what every launch of the checkout's CLI gets. */
    private static List<String> launcherJitOptions() throws Exception {
        Matcher jitOpts = Pattern.compile("(?m)^jit_opts=\\(([^)]*)\\)")
                .matcher(Files.readString(RUNNER.resolve("..").resolve("stampede")));
        assertThat(jitOpts.find()).as("jit_opts=(...) in ./stampede").isTrue();
        return List.of(jitOpts.group(1).strip().split("\\s+"));
    }

    @Test
    void operatorImageRunsQuarkusFastJarLayout() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(OPERATOR.resolve("Dockerfile"));

        assertThat(dockerfile.copies()).extracting(copy -> copy.sources().get(0) + " -> " + copy.destination())
                .containsExactlyInAnyOrder(
                        "target/quarkus-app/lib/ -> /deployments/lib/",
                        "target/quarkus-app/quarkus-run.jar -> /deployments/quarkus-run.jar",
                        "target/quarkus-app/app/ -> /deployments/app/",
                        "target/quarkus-app/quarkus/ -> /deployments/quarkus/");
        assertThat(dockerfile.entrypoint()).startsWith("java").endsWith("-jar", "/deployments/quarkus-run.jar");
        assertThat(dockerfile.all("EXPOSE")).containsExactly("8080");
        assertThat(Files.readAllLines(OPERATOR.resolve(".dockerignore"))).contains("!target/quarkus-app/");
    }

    @Test
    void bothImagesRunAsNumericNonRootUser10001() throws Exception {
        for (Path dockerfile : List.of(RUNNER.resolve("Dockerfile"), OPERATOR.resolve("Dockerfile"))) {
            String user = Dockerfile.read(dockerfile).last("USER");

            // A user name would make the kubelet refuse runAsNonRoot pods that do not also set runAsUser.
            assertThat(user).as(dockerfile.toString()).matches("[0-9]+(:[0-9]+)?");
            assertThat(user.split(":")).as(dockerfile.toString()).allMatch(id -> Integer.parseInt(id) == 10001);
        }
    }

    /** The shade plugin's outputFile relative to runner/ with Maven's default build directory: the image's input. */
    private static String shadedJarInBuildContext() throws Exception {
        Document pom = runnerPom();
        XPath xpath = xpath();
        String outputFile = xpath.evaluate("//plugin[artifactId='maven-shade-plugin']//outputFile", pom);
        Map<String, String> properties = Map.of(
                "project.basedir", ".",
                "stampede.build.dir", xpath.evaluate("/project/properties/stampede.build.dir", pom),
                "project.build.directory", xpath.evaluate("/project/build/directory", pom));
        String resolved = outputFile;
        for (int i = 0; i < 5 && resolved.contains("${"); i++) {
            Matcher property = Pattern.compile("\\$\\{([^}]+)}").matcher(resolved);
            resolved = property.replaceAll(match -> Matcher.quoteReplacement(
                    properties.getOrDefault(match.group(1), match.group())));
        }
        return Path.of(resolved).normalize().toString();
    }

    private static Document runnerPom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(RUNNER.resolve("pom.xml").toFile());
    }

    private static XPath xpath() {
        return XPathFactory.newInstance().newXPath();
    }
}
