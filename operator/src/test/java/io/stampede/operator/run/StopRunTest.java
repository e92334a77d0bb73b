package io.stampede.operator.run;

import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.testing.SampleLoadTests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StopRunTest {

    @ParameterizedTest(name = "phase {0}, stampede.io/stop={1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "Running,      true,  ASK_MASTER",
            "Provisioning, TRUE,  ASK_MASTER",
            "Pending,      true,  ABORT_BEFORE_START",
            "Succeeded,    true,  FORGET",
            "Aborted,      true,  FORGET",
            "Running,      false, NONE",
            "Running,      yes,   NONE",
            "Running,      -,     NONE",
    })
    void whatTheStopAnnotationAsksInEachPhase(String phase, String value, StopRun.Action action) {
        LoadTest loadTest = SampleLoadTests.shop("shop");
        LoadTestStatus status = new LoadTestStatus();
        status.setPhase(phase);
        loadTest.setStatus(status);
        if (value != null) loadTest.getMetadata().setAnnotations(Map.of(RunAnnotations.STOP, value));

        assertThat(StopRun.action(loadTest)).isEqualTo(action);
    }
}
