package io.stampede.runner.run;

import io.stampede.runner.cluster.master.MasterOutcome;
import io.stampede.runner.engine.health.GeneratorHealth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** All workers' generator health as one: a machine's cores counted once, the worst stall of any worker. */
class CombinedHealthTest {

    private static GeneratorHealth on(String machine, int cores, long stalledSeconds, double worstStallMs) {
        return new GeneratorHealth(cores, 10, 7, 1, 3, 60, 0, 0, stalledSeconds, worstStallMs, 0, machine, 1);
    }

    private static GeneratorHealth combined(GeneratorHealth... healths) {
        List<MasterOutcome.WorkerReport> workers = java.util.stream.IntStream.range(0, healths.length)
                .mapToObj(i -> new MasterOutcome.WorkerReport("w" + i, 60, healths[i])).toList();
        return RunReports.combinedHealth(new MasterOutcome(true, 0, 60_000, null, null, null, List.of(), workers,
                0, 0, List.of()));
    }

    @Test
    void workersOnOneMachineShareItsCores() {
        GeneratorHealth health = combined(on("boot-a", 2, 0, 0), on("boot-a", 2, 0, 0));

        assertThat(health.cores()).isEqualTo(2);
        assertThat(health.machines()).isEqualTo(1);
    }

    @Test
    void workersOnTwoMachinesAddTheirCores() {
        GeneratorHealth health = combined(on("boot-a", 2, 0, 0), on("boot-a", 2, 0, 0), on("boot-b", 4, 3, 250));

        assertThat(health.cores()).isEqualTo(6);
        assertThat(health.machines()).isEqualTo(2);
        assertThat(health.stalled()).isTrue();
        assertThat(health.stalledSeconds()).isEqualTo(3);
        assertThat(health.worstStallMs()).isEqualTo(250);
        assertThat(health.message()).contains("the machine stalled the load generator for 3 of 60 s");
    }

    @Test
    void workersOfUnknownMachinesCountOneEach() {
        GeneratorHealth health = combined(on("", 2, 0, 0), on("", 2, 0, 0));

        assertThat(health.cores()).isEqualTo(4);
        assertThat(health.machines()).isEqualTo(2);
    }
}
