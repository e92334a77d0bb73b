package io.stampede.runner.doc;

import io.stampede.runner.report.ConsoleAnswers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The capacity and story sections of the run's summary: written, read back through ReportDocument, and shown. */
class AnswerDocumentsTest {

    private static final CapacityDocument CAPACITY = new CapacityDocument(
            new CapacityDocument.Held(7, 350, 117.2, 431),
            new CapacityDocument.Broke(8, 400, 118.0, List.of("p95 < 450ms: 820ms")),
            "holds 350 users / 117 RPS with p95 < 450ms; broke at 400 users (p95 820ms)",
            List.of(new CapacityDocument.Step(7, 350, 1172, 0, 117.2, 120.0, 431.0, 440.0, 0, true, List.of()),
                    new CapacityDocument.Step(8, 400, 1180, 3, 118.0, 300.0, 820.0, 900.0, 0.002542, false,
                            List.of("p95 < 450ms: 820ms"))));
    private static final StoryDocument STORY = new StoryDocument(List.of(
            new StoryDocument.Entry("cliff", null, new StoryDocument.At("7m10s", 430, 380),
                    "p95 fine (40-60 ms) up to 360 users, then 900 ms+ at 380 users"),
            new StoryDocument.Entry("flatThenSpike", "GET /api/search", new StoryDocument.At("7m5s", 425, 380),
                    "p95 fine (12-20 ms) at 380 users until 7m5s, then 800 ms+")),
            "catastrophic", null);

    private static ReportDocument report(Map<String, com.fasterxml.jackson.databind.JsonNode> sections) {
        ReportDocument.Row total = new ReportDocument.Row(null, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        return new ReportDocument("stress", Instant.parse("2026-12-05T08:00:00Z"),
                Instant.parse("2026-12-05T08:08:00Z"), 480, false, "m", new ReportDocument.Summary(total, List.of()),
                List.of(), List.of(), sections);
    }

    @Test
    void capacityAndStoryReadBackFromTheReportAsWritten() {
        ReportDocument written = report(Map.of(CapacityDocument.SECTION, CAPACITY.toTree(),
                StoryDocument.SECTION, STORY.toTree()));

        ReportDocument read = ReportDocument.parse(written.toJson());

        assertThat(read.capacity()).isEqualTo(CAPACITY);
        assertThat(read.story()).isEqualTo(STORY);
        assertThat(written.toJson()).contains("\"held\" : {", "\"result\" : \"broke\"", "\"elapsed\" : \"7m10s\"");
    }

    @Test
    void aRunThatIsNotAStressRunHasNoCapacityAndAStepWithoutRequestsHasNoPercentiles() {
        CapacityDocument firstBroke = new CapacityDocument(null,
                new CapacityDocument.Broke(1, 50, 0, List.of("p95 < 1s: no requests")),
                "broke at 50 users (p95 no requests), the first step: no step held",
                List.of(new CapacityDocument.Step(1, 50, 0, 0, 0, null, null, null, 0, false,
                        List.of("p95 < 1s: no requests"))));
        ReportDocument read = ReportDocument.parse(report(Map.of(CapacityDocument.SECTION, firstBroke.toTree()))
                .toJson());

        assertThat(read.capacity()).isEqualTo(firstBroke);
        assertThat(read.story()).isNull();
        assertThat(ReportDocument.parse(report(Map.of()).toJson()).capacity()).isNull();
    }

    @Test
    void aBadSectionNamesItsField() {
        String json = report(Map.of(CapacityDocument.SECTION, CAPACITY.toTree())).toJson()
                .replace("\"result\" : \"broke\"", "\"result\" : \"maybe\"");

        assertThatThrownBy(() -> ReportDocument.parse(json).capacity()).isInstanceOf(DocumentException.class)
                .hasMessageContaining("capacity.steps[1].result: expected held or broke");
    }

    @Test
    void theConsoleShowsTheCapacitySentenceThenTheStory() {
        assertThat(ConsoleAnswers.of(CAPACITY, STORY)).isEqualTo("""
                Capacity: holds 350 users / 117 RPS with p95 < 450ms; broke at 400 users (p95 820ms)
                Story (catastrophic):
                  cliff at 7m10s, 380 users: p95 fine (40-60 ms) up to 360 users, then 900 ms+ at 380 users
                  flatThenSpike (GET /api/search) at 7m5s, 380 users: p95 fine (12-20 ms) at 380 users until 7m5s, \
                then 800 ms+""");
        assertThat(ConsoleAnswers.of(null, new StoryDocument(List.of(), null, "not enough data: 12 requests")))
                .isEqualTo("Story: not enough data: 12 requests");
    }
}
