package io.stampede.runner.load;

import io.stampede.runner.load.ArrivalRatePlan.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ArrivalRatePlanTest {

    @Test
    void aConstantRateSchedulesEveryArrivalAtEqualIntervalsFromTheStart() {
        ArrivalRatePlan plan = ArrivalRatePlan.constant(200, 15_000, 500);

        assertThat(plan.totalArrivals()).isEqualTo(3000);
        assertThat(plan.scheduledNanos(0)).isZero();
        assertThat(plan.scheduledNanos(1)).isEqualTo(5_000_000);
        assertThat(plan.scheduledNanos(2999)).isEqualTo(14_995_000_000L);
        assertThat(plan.scheduledNanos(3000)).isEqualTo(Long.MAX_VALUE);
        assertThat(plan.durationMillis()).isEqualTo(15_000);
        assertThat(plan.peakUsers()).isEqualTo(500);
        assertThat(plan.targetUsersAt(1000)).as("no users are planned: arrivals take them").isZero();
    }

    @Test
    void findsTheFirstArrivalDueAtOrAfterATimeForAReSplit() {
        ArrivalRatePlan plan = ArrivalRatePlan.constant(200, 15_000, 500);

        assertThat(plan.firstArrivalAtOrAfter(0)).isZero();
        assertThat(plan.firstArrivalAtOrAfter(5_000_000)).isEqualTo(1);
        assertThat(plan.firstArrivalAtOrAfter(5_000_001)).isEqualTo(2);
        assertThat(plan.firstArrivalAtOrAfter(7_500_000_000L)).isEqualTo(1500);
        assertThat(plan.firstArrivalAtOrAfter(20_000_000_000L)).as("past the end: none").isEqualTo(3000);
    }

    @Test
    void aRateThatDoesNotDivideTheDurationRoundsTheLastPartialArrivalUp() {
        ArrivalRatePlan plan = ArrivalRatePlan.constant(3, 1_500, 1);

        assertThat(plan.totalArrivals()).as("4.5 due: arrivals at 0, 1/3, 2/3, 1 and 4/3 s").isEqualTo(5);
        assertThat(plan.scheduledNanos(4)).isEqualTo(1_333_333_333L);
    }

    @Test
    void aRampFollowsTheIntegralOfItsRate() {
        // 0 -> 2000/s over 20 s: A(t) = 50 t^2, so 20,000 arrivals and arrival k at sqrt(k / 50) s.
        ArrivalRatePlan plan = new ArrivalRatePlan(List.of(new Segment(20_000, 0, 2000)), 100);

        assertThat(plan.totalArrivals()).isEqualTo(20_000);
        assertThat(plan.scheduledNanos(50) / 1e9).isCloseTo(1.0, within(1e-9));
        assertThat(plan.scheduledNanos(5_000) / 1e9).isCloseTo(10.0, within(1e-9));
        assertThat(plan.scheduledNanos(19_999) / 1e9).isCloseTo(Math.sqrt(19_999 / 50.0), within(1e-9));
        assertThat(plan.ratePerSecondAt(5_000)).isCloseTo(500, within(1e-9));
        assertThat(plan.peakRatePerSecond()).isEqualTo(2000);
    }

    @Test
    void stagesFollowOneAnotherAndARampDownSlowsTheArrivals() {
        // 10/s for 2 s (20 arrivals), then down from 10/s to 0 over 2 s (10 arrivals).
        ArrivalRatePlan plan = new ArrivalRatePlan(List.of(new Segment(2_000, 10, 10), new Segment(2_000, 10, 0)),
                5);

        assertThat(plan.totalArrivals()).isEqualTo(30);
        assertThat(plan.scheduledNanos(19)).isEqualTo(1_900_000_000L);
        assertThat(plan.scheduledNanos(20)).isEqualTo(2_000_000_000L);
        // In the ramp down A(t) = 10 t - 2.5 t^2: 5 arrivals are due at t = 2 - sqrt(2) s into it.
        assertThat(plan.scheduledNanos(25) / 1e9).isCloseTo(2 + 2 - Math.sqrt(2), within(1e-9));
        long previous = -1;
        for (long k = 0; k < plan.totalArrivals(); k++) {
            assertThat(plan.scheduledNanos(k)).isGreaterThan(previous).isLessThanOrEqualTo(4_000_000_000L);
            previous = plan.scheduledNanos(k);
        }
    }

    @Test
    void rejectsPlansWithoutArrivals() {
        assertThatThrownBy(() -> new ArrivalRatePlan(List.of(new Segment(1000, 0, 0)), 1))
                .hasMessageContaining("no segment has arrivals");
        assertThatThrownBy(() -> ArrivalRatePlan.constant(1, 1000, 0)).hasMessageContaining("maxUsers");
    }
}
