package io.stampede.runner.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.StampedeCli;
import io.stampede.runner.demo.DemoApi;
import io.stampede.runner.run.LocalRun;
import io.stampede.runner.run.ReportOptions;
import io.stampede.runner.run.TestFiles;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.Overrides;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/recipes.md and its files under docs/recipes/ (relative to runner/, where Maven runs the tests): every file
 * passes {@code stampede validate}, every command line of the page names a file that exists and a preset that
 * validates with it, and the login + browse + update recipe runs against the demo API, its onStop included.
 */
class RecipesTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Path DIR = DOCS.resolve("recipes");
    private static final Pattern COMMAND =
            Pattern.compile("stampede (run|validate) (docs/recipes/\\S+\\.yaml)([^`\\n]*)");
    private static final Pattern PRESET = Pattern.compile("--preset (\\w+)");

    static List<Path> recipeFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Every {@code stampede run|validate docs/recipes/F.yaml ...} of the page: the file and its --preset, if any. */
    static List<String[]> commandLines() throws IOException {
        String page = Files.readString(DOCS.resolve("recipes.md"));
        List<String[]> found = new ArrayList<>();
        Matcher command = COMMAND.matcher(page);
        while (command.find()) {
            Matcher preset = PRESET.matcher(command.group(3));
            found.add(new String[] {command.group(2), preset.find() ? preset.group(1) : null});
        }
        return found;
    }

    private static Result validate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StampedeCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out + "" + err);
    }

    private record Result(int code, String output) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipeFiles")
    void eachRecipePassesStampedeValidateAndIsOnThePage(Path file) throws IOException {
        Result result = validate("validate", file.toString());

        assertThat(result.code()).as(result.output()).isEqualTo(ExitCode.OK.code());
        assertThat(Files.readString(DOCS.resolve("recipes.md"))).contains("(recipes/" + file.getFileName() + ")");
    }

    @Test
    void everyCommandLineOfThePageValidatesWithItsPreset() {
        List<String[]> lines = assertThatCommandLines();
        for (String[] line : lines) {
            Path file = DOCS.getParent().resolve(line[0]);
            Result result = line[1] == null ? validate("validate", file.toString())
                    : validate("validate", file.toString(), "--preset", line[1]);

            assertThat(result.code()).as("%s --preset %s: %s", line[0], line[1], result.output())
                    .isEqualTo(ExitCode.OK.code());
        }
        assertThat(lines.stream().map(line -> line[1])).contains("smoke", "basic", "spike", "endurance");
    }

    private static List<String[]> assertThatCommandLines() {
        try {
            List<String[]> lines = commandLines();
            assertThat(lines).isNotEmpty();
            return lines;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void membersLogInBrowseUpdateAndEachPutsItsProfileBackWhenStopped(@TempDir Path dir) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            DemoApi api = DemoApi.start(vertx, DemoApi.Options.defaults())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            TestPlan plan = TestFiles.load(DIR.resolve("members.yaml"),
                    new Overrides(api.baseUrl(), 6, null, "2s", null, null),
                    Map.of("DEMO_PASSWORD", "demo-password"), new PrintWriter(err, true)).orElseThrow();
            Path json = dir.resolve("members.json");

            ExitCode code = LocalRun.execute(LocalRun.prepareEventLoops(), plan, ReportOptions.files(null, json,
                    null, true, false, new PrintWriter(out, true), new PrintWriter(err, true)));

            // Its p95 threshold may break on a busy machine's cold JVM; the run itself must complete.
            assertThat(code).as(out + "" + err).isIn(ExitCode.OK, ExitCode.THRESHOLD_BREACHED);
            JsonNode summary = new ObjectMapper().readTree(json.toFile()).path("summary");
            JsonNode reset = null;
            for (JsonNode row : summary.path("requests")) {
                if (row.path("name").asText().equals("PUT reset profile")) reset = row;
            }
            assertThat(reset).as(summary.toString()).isNotNull();
            assertThat(reset.path("requests").asInt()).as("one reset per user").isEqualTo(6);
            assertThat(reset.path("failures").asInt()).isZero();
            assertThat(summary.path("total").path("failures").asInt()).isZero();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
