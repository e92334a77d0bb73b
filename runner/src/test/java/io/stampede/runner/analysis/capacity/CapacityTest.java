package io.stampede.runner.analysis.capacity;

import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.Snapshots;
import io.stampede.runner.stats.StepStats;
import io.stampede.runner.stats.Threshold;
import io.stampede.runner.stats.ThresholdParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Steps of a stress run judged on their own merged stats, and the capacity sentence of the contract. Each step
 * here is 10 judged seconds; step k has 50k users.
 */
class CapacityTest {

    private static final RowKey PRODUCTS = Snapshots.PRODUCT;
    private static final List<Threshold> P95_UNDER_450 = List.of(ThresholdParser.parse("p95 < 450ms", null));

    /** Judges steps whose seconds have {@code perSecond} requests: 96% at {@code fastMs}, 4% at {@code slowMs}. */
    private static StepResult step(StepStats stats, int step, int perSecond, double fastMs, double slowMs,
                                   int failuresPerSecond, List<Threshold> breakOn) {
        for (int second = 0; second < 10; second++) {
            int slow = perSecond * 4 / 100;
            stats.accept(step, Snapshots.interval(step * 100L + second)
                    .ok(PRODUCTS, perSecond - slow - failuresPerSecond, fastMs)
                    .ok(PRODUCTS, slow, slowMs)
                    .fail(PRODUCTS, failuresPerSecond, fastMs, "HTTP 503").build());
        }
        long start = Snapshots.START + step * 60_000L;
        return CapacityEvaluator.judge(step, 50 * step, stats.summary(step, 50 * step, start, start + 10_000),
                breakOn);
    }

    @Test
    void holdsUpToTheLastStepUnderTheLimitAndBreaksAtTheFirstAbove() {
        StepStats stats = new StepStats();
        List<StepResult> steps = new ArrayList<>();
        for (int k = 1; k <= 6; k++) steps.add(step(stats, k, 17 * k, 40 + 40 * k, 300, 0, P95_UNDER_450));
        steps.add(step(stats, 7, 119, 431, 440, 0, P95_UNDER_450));
        steps.add(step(stats, 8, 118, 820, 900, 0, P95_UNDER_450));
        steps.add(step(stats, 9, 100, 2000, 2000, 0, P95_UNDER_450)); // judged after the break: ignored

        Capacity capacity = Capacity.of(steps, 10);

        assertThat(steps.get(6).held()).isTrue();
        assertThat(capacity.held()).extracting(Capacity.Held::step, Capacity.Held::users, Capacity.Held::rps)
                .containsExactly(7, 350, 119.0);
        assertThat(capacity.held().p95Ms()).isCloseTo(431.0, within(0.5));
        assertThat(capacity.broke().step()).isEqualTo(8);
        assertThat(capacity.broke().users()).isEqualTo(400);
        assertThat(capacity.broke().rps()).isCloseTo(118.0, within(1e-9));
        assertThat(capacity.broke().breached()).containsExactly("p95 < 450ms: 820ms");
        assertThat(capacity.text())
                .isEqualTo("holds 350 users / 119 RPS with p95 < 450ms; broke at 400 users (p95 820ms)");
        assertThat(CapacityEvaluator.upToFirstBreak(steps)).hasSize(8);
    }

    @Test
    void eachStepIsJudgedOnItsOwnRequestsNotOnTheRunSoFar() {
        StepStats stats = new StepStats();
        StepResult slow = step(stats, 1, 100, 900, 900, 0, P95_UNDER_450);
        StepResult fast = step(stats, 2, 100, 20, 20, 0, P95_UNDER_450);

        assertThat(slow.held()).isFalse();
        assertThat(fast.held()).isTrue();
        assertThat(fast.total().percentiles().at(95)).isEqualTo(20.0);
        assertThat(fast.total().rps()).isEqualTo(100.0);
    }

    @Test
    void aRunThatNeverBrokeSaysItHeldToTheLastStep() {
        StepStats stats = new StepStats();
        List<StepResult> steps = new ArrayList<>();
        for (int k = 1; k <= 10; k++) steps.add(step(stats, k, 10 * k, 40, 60, 0, P95_UNDER_450));

        Capacity capacity = Capacity.of(steps, 10);

        assertThat(capacity.broke()).isNull();
        assertThat(capacity.held().users()).isEqualTo(500);
        assertThat(capacity.text()).isEqualTo("held up to 500 users, the last step");
        assertThat(Capacity.of(steps.subList(0, 6), 10).text())
                .isEqualTo("held up to 300 users (step 6 of 10); the run ended before the next step was judged");
    }

    @Test
    void everyBreachedCriterionIsNamedWithWhatWasMeasured() {
        List<Threshold> breakOn = List.of(ThresholdParser.parse("p95 < 450ms", null),
                ThresholdParser.parse("failureRate < 1%", null),
                ThresholdParser.parse("p99 < 1s", "GET /api/products/{id}"));
        StepStats stats = new StepStats();
        StepResult held = step(stats, 1, 100, 40, 60, 0, breakOn);
        StepResult broke = step(stats, 2, 100, 500, 1500, 5, breakOn);

        Capacity capacity = Capacity.of(List.of(held, broke), 10);

        assertThat(capacity.broke().breached()).containsExactly("p95 < 450ms: 500ms", "failureRate < 1%: 5%",
                "p99 < 1s (GET /api/products/{id}): 1.5s");
        assertThat(capacity.text()).isEqualTo("holds 50 users / 100 RPS with p95 < 450ms, failureRate < 1%, "
                + "p99 < 1s of GET /api/products/{id}; broke at 100 users (p95 500ms, failureRate 5%, "
                + "p99 of GET /api/products/{id} 1.5s)");
    }

    @Test
    void aFirstStepThatBreaksHoldsNothing() {
        Capacity capacity = Capacity.of(List.of(step(new StepStats(), 1, 100, 900, 900, 0, P95_UNDER_450)), 10);

        assertThat(capacity.held()).isNull();
        assertThat(capacity.broke().step()).isEqualTo(1);
        assertThat(capacity.text()).isEqualTo("broke at 50 users (p95 900ms), the first step: no step held");
        assertThat(Capacity.of(List.of(), 10).text()).isEqualTo("no step was judged: the run ended during the first step");
    }

    @Test
    void aStepWithoutRequestsBreaksOnLatency() {
        StepStats stats = new StepStats();
        StepResult empty = CapacityEvaluator.judge(1, 50, stats.summary(1, 50, 0, 10_000), P95_UNDER_450);

        assertThat(empty.held()).isFalse();
        assertThat(empty.breached()).containsExactly("p95 < 450ms: no requests");
        assertThatThrownBy(() -> CapacityEvaluator.judge(1, 50, stats.summary(1, 50, 0, 1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
