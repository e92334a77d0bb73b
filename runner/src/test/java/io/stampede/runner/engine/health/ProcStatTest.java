package io.stampede.runner.engine.health;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** /proc/stat's aggregate line read into total and steal ticks, and steal as a share of the time between two. */
class ProcStatTest {

    private static final String BEFORE = """
            cpu  1000 10 500 8000 40 0 50 400 0 0
            cpu0 500 5 250 4000 20 0 25 200 0 0
            intr 12345
            """;
    private static final String AFTER = """
            cpu  1100 10 550 8100 40 0 50 600 0 0
            cpu0 550 5 275 4050 20 0 25 300 0 0
            """;

    @Test
    void readsTheAggregateLine() {
        assertThat(ProcStat.parse(BEFORE)).contains(new ProcStat.CpuTicks(10000, 400));
    }

    @Test
    void stealIsAShareOfAllCpuTimeBetweenTwoReadings() {
        ProcStat.CpuTicks before = ProcStat.parse(BEFORE).orElseThrow();
        ProcStat.CpuTicks after = ProcStat.parse(AFTER).orElseThrow();

        // 450 ticks passed, 200 of them stolen.
        assertThat(after.stealPercentSince(before)).isCloseTo(44.44, org.assertj.core.data.Offset.offset(0.01));
        assertThat(before.stealPercentSince(before)).isZero();
    }

    @Test
    void oldKernelsWithoutAStealColumnHaveNone() {
        assertThat(ProcStat.parse("cpu  1000 10 500 8000\n")).contains(new ProcStat.CpuTicks(9510, 0));
    }

    @Test
    void somethingElseIsNothing() {
        assertThat(ProcStat.parse("")).isEmpty();
        assertThat(ProcStat.parse("cpu  12 x 3\n")).isEmpty();
    }

    @Test
    void thisMachineHasAnIdentity() {
        assertThat(ProcStat.machineId()).isNotBlank().isEqualTo(ProcStat.machineId());
    }
}
