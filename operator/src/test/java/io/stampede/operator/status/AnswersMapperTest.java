package io.stampede.operator.status;

import io.stampede.operator.api.LoadTestStatus;
import io.stampede.runner.doc.CapacityDocument;
import io.stampede.runner.doc.StoryDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AnswersMapperTest {

    @Test
    void aStressRunsCapacityKeepsTheDecidingFiguresAndItsSentence() {
        CapacityDocument capacity = new CapacityDocument(new CapacityDocument.Held(7, 350, 117.2, 431),
                new CapacityDocument.Broke(8, 400, 118.0, List.of("p95 < 450ms: 820ms")),
                "holds 350 users / 117 RPS with p95 < 450ms; broke at 400 users (p95 820ms)", List.of());
        LoadTestStatus status = new LoadTestStatus();

        AnswersMapper.apply(status, capacity, null);

        assertThat(status.getCapacity().getHeld().getUsers()).isEqualTo(350);
        assertThat(status.getCapacity().getHeld().getRps()).isEqualTo(117.2);
        assertThat(status.getCapacity().getHeld().getP95Ms()).isEqualTo(431.0);
        assertThat(status.getCapacity().getBroke().getStep()).isEqualTo(8);
        assertThat(status.getCapacity().getBroke().getBreached()).containsExactly("p95 < 450ms: 820ms");
        assertThat(status.getCapacity().getText()).startsWith("holds 350 users / 117 RPS");
        assertThat(status.getStory()).isNull();
    }

    @Test
    void aStressRunThatNeverBrokeHasNoBrokenStep() {
        CapacityDocument capacity = new CapacityDocument(new CapacityDocument.Held(10, 500, 160, 120), null,
                "held up to 500 users, the last step", List.of());
        LoadTestStatus status = new LoadTestStatus();

        AnswersMapper.apply(status, capacity, null);

        assertThat(status.getCapacity().getBroke()).isNull();
        assertThat(status.getCapacity().getText()).isEqualTo("held up to 500 users, the last step");
    }

    @Test
    void theStoryKeepsItsFirstFiveEntriesAndCountsTheRest() {
        List<StoryDocument.Entry> entries = IntStream.range(0, 7).mapToObj(i -> new StoryDocument.Entry("sawtooth",
                "GET /api/" + i, new StoryDocument.At("1m" + i + "s", 60 + i, 10 + i), "spike " + i)).toList();
        LoadTestStatus status = new LoadTestStatus();

        AnswersMapper.apply(status, null, new StoryDocument(entries, "graceful", null));

        assertThat(status.getCapacity()).isNull();
        assertThat(status.getStory().getVerdict()).isEqualTo("graceful");
        assertThat(status.getStory().getEntries()).hasSize(5);
        assertThat(status.getStory().getOmittedEntries()).isEqualTo(2);
        assertThat(status.getStory().getEntries().get(0).getElapsed()).isEqualTo("1m0s");
        assertThat(status.getStory().getEntries().get(0).getUsers()).isEqualTo(10);
        assertThat(status.getStory().getEntries().get(4).getRow()).isEqualTo("GET /api/4");
    }
}
