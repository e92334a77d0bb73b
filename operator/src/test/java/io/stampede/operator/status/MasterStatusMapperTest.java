package io.stampede.operator.status;

import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.testing.FakeMaster;
import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.doc.StatusDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MasterStatusMapperTest {

    @Test
    void copiesWorkersAndLiveProgress() throws Exception {
        LoadTestStatus status = new LoadTestStatus();

        MasterStatusMapper.apply(status, fixture("status-running.json"));

        assertThat(status.getWorkers().getExpected()).isEqualTo(1);
        assertThat(status.getWorkers().getConnected()).isEqualTo(1);
        assertThat(status.getWorkers().getLost()).isZero();
        assertThat(status.getProgress().getUsers()).isEqualTo(20);
        assertThat(status.getProgress().getElapsed()).isEqualTo("1m30s");
        assertThat(status.getProgress().getRequests()).isEqualTo(1234L);
        assertThat(status.getProgress().getFailures()).isEqualTo(5L);
        assertThat(status.getProgress().getRps()).isEqualTo(250.3);
        assertThat(status.getProgress().getP50Ms()).isEqualTo(12.5);
        assertThat(status.getProgress().getP95Ms()).isEqualTo(80.25);
        assertThat(status.getProgress().getP99Ms()).isEqualTo(120.75);
        assertThat(status.getStartTime()).isEqualTo("2026-11-22T03:54:02.583Z");
    }

    @Test
    void aMasterThatHasNotStartedLeavesTheStartTimeUnset() throws Exception {
        LoadTestStatus status = new LoadTestStatus();

        MasterStatusMapper.apply(status, fixture("status-pending.json"));

        assertThat(status.getStartTime()).isNull();
        assertThat(status.getWorkers().getExpected()).isEqualTo(2);
        assertThat(status.getWorkers().getConnected()).isEqualTo(1);
        assertThat(status.getProgress().getElapsed()).isEqualTo("0s");
    }

    @Test
    void keepsTheStartTimeOnceSet() throws Exception {
        LoadTestStatus status = new LoadTestStatus();
        status.setStartTime("2026-11-22T03:54:00Z");

        MasterStatusMapper.apply(status, fixture("status-running.json"));

        assertThat(status.getStartTime()).isEqualTo("2026-11-22T03:54:00Z");
    }

    static StatusDocument fixture(String name) {
        return StatusDocument.parse(FakeMaster.fixture(name));
    }

    static ReportDocument report(String name) {
        return ReportDocument.parse(FakeMaster.fixture(name));
    }
}
