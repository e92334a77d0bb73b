package io.stampede.runner.report.html;

import io.stampede.runner.doc.CapacityDocument;
import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.doc.StoryDocument;
import io.stampede.runner.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's "What happened": a stress run's capacity with its judged steps, and the story, drawn by Chromium. */
class HtmlAnswersTest {

    private static String document(CapacityDocument capacity, StoryDocument story) {
        ReportDocument.Row total = new ReportDocument.Row(null, 1906, 0, 146.6, 70, 5, 120, 62, 100, 105, 107, 120);
        return new ReportDocument("stress", Instant.parse("2026-12-05T08:00:00Z"),
                Instant.parse("2026-12-05T08:00:13Z"), 13, false, "capacity: " + capacity.text(),
                new ReportDocument.Summary(total, List.of()), List.of(), List.of(),
                Map.of(CapacityDocument.SECTION, capacity.toTree(), StoryDocument.SECTION, story.toTree())).toJson();
    }

    @Test
    void chromiumShowsTheCapacityWithItsStepsAndTheStory(@TempDir Path dir) throws Exception {
        HeadlessChromium.assumeInstalled();
        CapacityDocument capacity = new CapacityDocument(new CapacityDocument.Held(2, 30, 473, 69),
                new CapacityDocument.Broke(3, 45, 480, List.of("p95 < 75ms: 105ms")),
                "holds 30 users / 473 RPS with p95 < 75ms; broke at 45 users (p95 105ms)",
                List.of(new CapacityDocument.Step(2, 30, 946, 0, 473, 62.0, 69.0, 103.0, 0, true, List.of()),
                        new CapacityDocument.Step(3, 45, 960, 0, 480, 93.0, 105.0, 107.0, 0, false,
                                List.of("p95 < 75ms: 105ms"))));
        StoryDocument story = new StoryDocument(List.of(new StoryDocument.Entry("cliff", null,
                new StoryDocument.At("16s", 16, 23), "p95 fine (8.7-20 ms) up to 21 users, then 400 ms+ at 23 users")),
                "catastrophic", null);
        Path page = dir.resolve("stress.html");
        Files.writeString(page, HtmlReport.render(document(capacity, story), "stress", null));

        String dom = HeadlessChromium.dumpDom(page.toUri().toString(), 4000);

        assertThat(dom).contains("Capacity: holds 30 users / 473 RPS with p95 &lt; 75ms; broke at 45 users (p95 105ms)")
                .contains("<td>3</td><td>45</td><td>960</td><td>0</td><td>480</td>")
                .contains(">broke</td><td class=\"text\">p95 &lt; 75ms: 105ms</td>")
                .contains("cliff at 16s, 23 users: p95 fine (8.7-20 ms) up to 21 users, then 400 ms+ at 23 users")
                .contains("Verdict: catastrophic");
    }

    @Test
    void aStoryWithoutEnoughDataSaysSo(@TempDir Path dir) throws Exception {
        HeadlessChromium.assumeInstalled();
        CapacityDocument capacity = new CapacityDocument(null, null,
                "no step was judged: the run ended during the first step", List.of());
        StoryDocument story = new StoryDocument(List.of(), null,
                "not enough data: 10 s with requests after the first 3 s; the story needs 20 s");
        Path page = dir.resolve("short.html");
        Files.writeString(page, HtmlReport.render(document(capacity, story), "short", null));

        String dom = HeadlessChromium.dumpDom(page.toUri().toString(), 4000);

        assertThat(dom).contains("Story: not enough data: 10 s with requests after the first 3 s")
                .contains("Capacity: no step was judged");
    }
}
