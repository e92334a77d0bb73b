package io.stampede.operator.run;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.RowSummary;
import io.stampede.operator.api.RunRecord;
import io.stampede.operator.api.SummaryStatus;
import io.stampede.operator.testing.SampleLoadTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class StartRunTest {

    @Test
    void aNewLoadTestStartsRun1Pending() {
        LoadTest loadTest = loadTest(1, null);

        assertThat(StartRun.needed(loadTest)).isTrue();
        LoadTestStatus status = StartRun.next(loadTest);

        assertThat(status.getRun()).isEqualTo(1);
        assertThat(status.getPhase()).isEqualTo("Pending");
        assertThat(status.getObservedGeneration()).isEqualTo(1L);
        assertThat(status.getMessage()).isEqualTo("waiting to be provisioned");
        assertThat(status.getHistory()).isNull();
    }

    @ParameterizedTest(name = "run in phase {0}, spec generation {1} -> new run: {2}")
    @CsvSource({
            "Succeeded,    1, false",
            "Failed,       1, false",
            "Error,        1, false",
            "Aborted,      1, false",
            "Succeeded,    2, true",
            "Failed,       2, true",
            "Error,        2, true",
            "Aborted,      2, true",
            "Pending,      2, false",
            "Provisioning, 2, false",
            "Running,      2, false",
            "Running,      1, false",
    })
    void runsOncePerGenerationAndNeverOverARunningOne(String phase, long generation, boolean newRun) {
        LoadTest loadTest = loadTest(generation, finished(1, 1, phase));

        assertThat(StartRun.needed(loadTest)).isEqualTo(newRun);
    }

    @ParameterizedTest(name = "run {0} under rerun value {1}, annotation now {2} -> new run: {3}")
    @CsvSource(nullValues = "-", value = {
            "Succeeded, -,  a, true",
            "Succeeded, a,  a, false",
            "Succeeded, a,  b, true",
            "Failed,    a,  -, false",
            "Running,   a,  b, false",
            "Pending,   -,  a, false",
    })
    void aNewRerunValueRunsAFinishedSpecAgain(String phase, String startedUnder, String annotation, boolean newRun) {
        LoadTestStatus status = finished(1, 1, phase);
        status.setRerun(startedUnder);
        LoadTest loadTest = loadTest(1, status);
        if (annotation != null) loadTest.getMetadata().setAnnotations(java.util.Map.of(RunAnnotations.RERUN, annotation));

        assertThat(StartRun.needed(loadTest)).isEqualTo(newRun);
        if (newRun) assertThat(StartRun.next(loadTest).getRerun()).isEqualTo(annotation);
    }

    @Test
    void theNextRunRemembersTheFinishedOneInTheHistory() {
        LoadTestStatus previous = finished(1, 1, "Failed");
        previous.getConditions().add(new ConditionBuilder().withType("Ready").withStatus("False").build());

        LoadTestStatus status = StartRun.next(loadTest(2, previous));

        assertThat(status.getRun()).isEqualTo(2);
        assertThat(status.getPhase()).isEqualTo("Pending");
        assertThat(status.getObservedGeneration()).isEqualTo(2L);
        assertThat(status.getProgress()).isNull();
        assertThat(status.getSummary()).isNull();
        assertThat(status.getHistory()).singleElement().satisfies(record -> {
            assertThat(record.getRun()).isEqualTo(1);
            assertThat(record.getGeneration()).isEqualTo(1L);
            assertThat(record.getPhase()).isEqualTo("Failed");
            assertThat(record.getStartTime()).isEqualTo("2026-11-22T03:00:00Z");
            assertThat(record.getCompletionTime()).isEqualTo("2026-11-22T03:10:00Z");
            assertThat(record.getMessage()).isEqualTo("run 1 ended");
            assertThat(record.getTotal().getRequests()).isEqualTo(1000L);
        });
        assertThat(status.getConditions()).extracting(c -> c.getType()).containsExactly("Ready");
    }

    @Test
    void keepsTheFiveNewestRunsNewestFirst() {
        LoadTestStatus previous = finished(6, 6, "Succeeded");
        previous.setHistory(new ArrayList<>(IntStream.of(5, 4, 3, 2, 1).mapToObj(StartRunTest::record).toList()));

        LoadTestStatus status = StartRun.next(loadTest(7, previous));

        assertThat(status.getRun()).isEqualTo(7);
        assertThat(status.getHistory()).extracting(RunRecord::getRun).containsExactly(6, 5, 4, 3, 2);
        assertThat(RunRecord.KEPT).isEqualTo(5);
    }

    private static LoadTest loadTest(long generation, LoadTestStatus status) {
        LoadTest loadTest = SampleLoadTests.shop("shop");
        loadTest.getMetadata().setNamespace("perf");
        loadTest.getMetadata().setGeneration(generation);
        loadTest.setStatus(status);
        return loadTest;
    }

    private static LoadTestStatus finished(int run, long generation, String phase) {
        LoadTestStatus status = new LoadTestStatus();
        status.setRun(run);
        status.setObservedGeneration(generation);
        status.setPhase(phase);
        status.setStartTime("2026-11-22T03:00:00Z");
        status.setCompletionTime("2026-11-22T03:10:00Z");
        status.setMessage("run " + run + " ended");
        RowSummary total = new RowSummary();
        total.setRequests(1000L);
        SummaryStatus summary = new SummaryStatus();
        summary.setTotal(total);
        status.setSummary(summary);
        return status;
    }

    private static RunRecord record(int run) {
        RunRecord record = new RunRecord();
        record.setRun(run);
        record.setPhase("Succeeded");
        return record;
    }
}
