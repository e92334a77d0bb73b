package io.stampede.runner.engine.health;

import io.stampede.runner.engine.health.SecondJudge.Second;
import io.stampede.runner.engine.health.SecondJudge.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Seconds judged without clocks: the generator's own saturation against the machine stalling it. */
class SecondJudgeTest {

    private static final Second QUIET = new Second(0.3, 1.2, 12, 0.4, 0);
    /** Loops 150 ms late at worst, p99 120 ms, while the stall probe (off the loops) woke on time. */
    private static final Second BUSY_LOOPS = new Second(120, 150, 60, 0.5, 0);
    /** Every thread 200 ms late together: loops and probe alike (SIGSTOP, a descheduled VM). */
    private static final Second PAUSED = new Second(200, 201, 7, 200, 0);

    private final SecondJudge judge = new SecondJudge(2);

    @Test
    void aQuietSecondIsHealthy() {
        assertThat(judge.judge(QUIET)).isEqualTo(Verdict.HEALTHY);
        assertThat(judge.latestNote()).isEmpty();
    }

    @Test
    void loopsLateByTheirOwnBacklogTwoSecondsInARowAreSaturation() {
        assertThat(judge.judge(BUSY_LOOPS)).isEqualTo(Verdict.LAGGING);
        assertThat(judge.latestNote()).as("one second is a blip").isEmpty();
        assertThat(judge.judge(BUSY_LOOPS)).isEqualTo(Verdict.SATURATED);
        assertThat(judge.judge(BUSY_LOOPS)).isEqualTo(Verdict.SATURATED);

        assertThat(judge.saturatedSeconds()).isEqualTo(3);
        assertThat(judge.stalledSeconds()).isZero();
        assertThat(judge.latestNote()).startsWith("generator saturated").contains("150 ms late");
    }

    @Test
    void allThreadsLateTogetherIsAStallByTheMachineNotSaturation() {
        assertThat(judge.judge(PAUSED)).isEqualTo(Verdict.STALLED);
        assertThat(judge.judge(PAUSED)).as("however long it lasts").isEqualTo(Verdict.STALLED);

        assertThat(judge.saturatedSeconds()).isZero();
        assertThat(judge.stalledSeconds()).isEqualTo(2);
        assertThat(judge.worstStallMs()).isEqualTo(200);
        assertThat(judge.latestNote()).startsWith("the machine stalled the generator").contains("200 ms");
    }

    @Test
    void lateLoopsDuringSteal_areTheMachines() {
        Second stolen = new Second(40, 80, 9, 5, 35);

        assertThat(judge.judge(stolen)).isEqualTo(Verdict.STALLED);
        assertThat(judge.judge(stolen)).isEqualTo(Verdict.STALLED);

        assertThat(judge.saturatedSeconds()).isZero();
        assertThat(judge.peakStealPercent()).isEqualTo(35);
        assertThat(judge.latestNote()).contains("35% of CPU time stolen by the hypervisor");
    }

    @Test
    void loopsLateFarBeyondAStallAreStillTheGeneratorsOwn() {
        // The probe was 30 ms late once, but the loops were 400 ms behind: a backlog, with a stall on top.
        Second both = new Second(300, 400, 70, 30, 0);

        judge.judge(both);
        assertThat(judge.judge(both)).isEqualTo(Verdict.SATURATED);

        assertThat(judge.saturatedSeconds()).isEqualTo(2);
        assertThat(judge.stalledSeconds()).isEqualTo(2);
    }

    @Test
    void aBusyCpuIsSaturationWhateverElseHappened() {
        Second fullCpu = new Second(5, 10, 99, 0, 40);

        judge.judge(fullCpu);
        assertThat(judge.judge(fullCpu)).isEqualTo(Verdict.SATURATED);
    }

    @Test
    void aStallBetweenBusySecondsBreaksTheRunOfLaggingSeconds() {
        judge.judge(BUSY_LOOPS);
        judge.judge(PAUSED);
        assertThat(judge.judge(BUSY_LOOPS)).isEqualTo(Verdict.LAGGING);
        assertThat(judge.saturatedSeconds()).isZero();
    }

    @Test
    void skippedSecondsCountButAreNotJudged() {
        judge.skip();
        judge.skip();

        assertThat(judge.seconds()).isEqualTo(2);
        assertThat(judge.latest()).isEqualTo(Verdict.HEALTHY);
        assertThat(judge.worstStallMs()).isZero();
    }
}
