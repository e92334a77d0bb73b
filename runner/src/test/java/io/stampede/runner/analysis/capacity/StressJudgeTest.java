package io.stampede.runner.analysis.capacity;

import io.stampede.runner.load.StressLoadPlan;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.Snapshots;
import io.stampede.runner.stats.ThresholdParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stress run's steps judged from the run's merged intervals as they arrive, without a server or a clock: steps of
 * 10 s (10, 20, 30 ... 50 users, all started at once), so each is judged on its seconds 5..9 (the first 5 s left out).
 */
class StressJudgeTest {

    private static final RowKey ROW = Snapshots.PRODUCT;
    private static final long START = Snapshots.START;

    private final StressLoadPlan plan = new StressLoadPlan(10, 10, 50, 10_000, Double.POSITIVE_INFINITY);
    private final List<StepResult> seen = new ArrayList<>();
    private final StressJudge judge = new StressJudge(plan, List.of(ThresholdParser.parse("p95 < 100ms", null)),
            seen::add);

    /** Feeds intervals [from, to) whose requests all take {@code ms}. */
    private void seconds(long from, long to, double ms) {
        for (long id = from; id < to; id++) {
            judge.accept(Snapshots.interval(id).ok(ROW, 50, ms).build(), START);
        }
    }

    @Test
    void judgesEachStepOnItsJudgedSecondsOnceTheNextStepBegins() {
        // Step 1's first 5 s are slow (connections opening): left out, so the step holds.
        seconds(0, 5, 900);
        seconds(5, 10, 20);
        assertThat(seen).isEmpty();

        seconds(10, 11, 20);

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).held()).isTrue();
        assertThat(seen.get(0).total().requests()).isEqualTo(250);
        assertThat(seen.get(0).total().rps()).isEqualTo(50.0);
        assertThat(judge.loadPlan().durationMillis()).isEqualTo(plan.durationMillis());
    }

    @Test
    void theFirstStepThatBreaksEndsThePlanAndLaterIntervalsChangeNothing() {
        seconds(0, 10, 20);
        seconds(10, 20, 20);
        seconds(20, 30, 250);
        seconds(30, 31, 250);

        assertThat(seen).extracting(StepResult::held).containsExactly(true, true, false);
        assertThat(judge.loadPlan().durationMillis()).as("ended at the broken step's end").isEqualTo(30_000);
        seconds(31, 45, 20);
        judge.finish(START, 45_000);

        assertThat(judge.steps()).hasSize(3);
        Capacity capacity = judge.capacity();
        assertThat(capacity.held().users()).isEqualTo(20);
        assertThat(capacity.broke().users()).isEqualTo(30);
        assertThat(capacity.broke().breached()).containsExactly("p95 < 100ms: 250ms");
    }

    @Test
    void theLastStepIsJudgedWhenTheRunEndsAndARunThatNeverBrokeSaysSo() {
        seconds(0, 50, 20);
        assertThat(seen).hasSize(4);

        judge.finish(START, 50_300);

        assertThat(seen).hasSize(5);
        assertThat(judge.capacity().text()).isEqualTo("held up to 50 users, the last step");
    }

    @Test
    void aStepTheRunDidNotFinishIsNotJudged() {
        seconds(0, 16, 20);

        judge.finish(START, 16_400);

        assertThat(judge.steps()).extracting(StepResult::step).containsExactly(1);
        assertThat(judge.capacity().text()).isEqualTo("held up to 10 users (step 1 of 5); the run ended before the "
                + "next step was judged");
    }
}
