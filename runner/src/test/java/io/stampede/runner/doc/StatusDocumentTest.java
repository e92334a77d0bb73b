package io.stampede.runner.doc;

import io.stampede.runner.cluster.api.FinalResult;
import io.stampede.runner.cluster.api.StatusJson;
import io.stampede.runner.cluster.master.LostWorker;
import io.stampede.runner.cluster.master.MasterPhase;
import io.stampede.runner.cluster.master.MasterStatus;
import io.stampede.runner.stats.LiveRow;
import io.stampede.runner.stats.LiveView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusDocumentTest {

    private static final MasterStatus RUNNING = new MasterStatus(MasterPhase.RUNNING, 1_700_000_000_000L, 12_345, 3, 2,
            List.of(new LostWorker("w2 (host-b/7)", 1_700_000_010_000L, 10_250, "connection closed", 5)), 15,
            List.of(new MasterStatus.WorkerView("w1 (host-a/6)", "running", 8, ""),
                    new MasterStatus.WorkerView("w3 (host-c/8)", "running", 7, "generator saturated")));
    private static final LiveView LIVE = new LiveView(15, 12_000, List.of(),
            new LiveRow(null, 5000, 12, 250.4, 0.5, 12.3456, 80.25, 120.125, 20, 1, 900));

    @Test
    void whatTheMasterServesReadsBackAsTheSameDocument() {
        StatusDocument served = StatusJson.document(RUNNING, LIVE, null);

        StatusDocument read = StatusDocument.parse(served.toJson());

        assertThat(read).isEqualTo(served);
        assertThat(read.workers().lost()).isEqualTo(1);
        assertThat(read.workers().lostWorkers().get(0).elapsedSeconds()).isEqualTo(10.25);
        assertThat(read.progress().p95Ms()).isEqualTo(80.25);
        assertThat(read.startTime()).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
    }

    @Test
    void aPendingMasterWithoutStartTimeAndAFinishedOneReadBack() {
        MasterStatus pending = new MasterStatus(MasterPhase.PENDING, 0, 0, 3, 1, List.of(), 0, List.of());
        StatusDocument waiting = StatusJson.document(pending, null, null);
        StatusDocument done = StatusJson.document(RUNNING, LIVE, new FinalResult("Failed", "{}", 1, "p95 was 3s"));

        assertThat(StatusDocument.parse(waiting.toJson())).isEqualTo(waiting);
        assertThat(waiting.toTree().get("startTime").isNull()).isTrue();
        assertThat(StatusDocument.parse(done.toJson())).isEqualTo(done);
        assertThat(StatusDocument.parse(done.toJson()).message()).isEqualTo("p95 was 3s");
    }

    @Test
    void aMissingOrMistypedFieldIsNamedByItsPath() {
        String json = StatusJson.document(RUNNING, LIVE, null).toJson();

        assertThatThrownBy(() -> StatusDocument.parse(json.replace("\"expected\":3", "\"expected\":\"3\"")))
                .isInstanceOf(DocumentException.class).hasMessage("workers.expected: expected a whole number, got \"3\"");
        assertThatThrownBy(() -> StatusDocument.parse(json.replace("\"p95Ms\"", "\"p95\"")))
                .isInstanceOf(DocumentException.class).hasMessage("progress.p95Ms: expected a number, got nothing");
        assertThatThrownBy(() -> StatusDocument.parse(json.replace("\"users\":8", "\"users\":null")))
                .isInstanceOf(DocumentException.class).hasMessageStartingWith("workers.list[0].users: ");
        assertThatThrownBy(() -> StatusDocument.parse("<html>503</html>"))
                .isInstanceOf(DocumentException.class).hasMessageStartingWith("the document is not JSON");
    }

    @Test
    void aFinishedStressRunsStatusCarriesTheReportsCapacityAndStory() {
        CapacityDocument capacity = new CapacityDocument(new CapacityDocument.Held(2, 30, 473, 69),
                new CapacityDocument.Broke(3, 45, 480, List.of("p95 < 75ms: 105ms")),
                "holds 30 users / 473 RPS with p95 < 75ms; broke at 45 users (p95 105ms)", List.of());
        StoryDocument story = new StoryDocument(List.of(new StoryDocument.Entry("stable", null, null,
                "p95 steady (6-8.4 ms) over 22s at 10 users, 1700/s, no failures")), "graceful", null);
        ReportDocument.Row total = new ReportDocument.Row(null, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        ReportDocument report = new ReportDocument("stress", Instant.parse("2026-12-05T08:00:00Z"),
                Instant.parse("2026-12-05T08:01:00Z"), 60, false, "capacity: ...",
                new ReportDocument.Summary(total, List.of()), List.of(), List.of(),
                java.util.Map.of(CapacityDocument.SECTION, capacity.toTree(), StoryDocument.SECTION, story.toTree()));

        StatusDocument done = StatusJson.document(RUNNING, LIVE,
                new FinalResult("Failed", report.toJson(), 1, "capacity: ..."), ReportDocument.parse(report.toJson()));

        StatusDocument read = StatusDocument.parse(done.toJson());
        assertThat(read).isEqualTo(done);
        assertThat(read.capacity()).isEqualTo(capacity);
        assertThat(read.story()).isEqualTo(story);
        assertThat(StatusDocument.parse(StatusJson.document(RUNNING, LIVE, null).toJson()).capacity()).isNull();
    }
}
