package io.stampede.operator.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.operator.testing.FakeMaster;
import io.stampede.runner.doc.DocumentException;
import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.doc.StatusDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract between master and operator: what a real master served (src/test/resources/master/, captured with
 * curl) reads into the runner's records, and the records write back the same JSON, field for field.
 */
class MasterDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"status-pending.json", "status-running.json", "status-failed.json"})
    void aRealMastersStatusReadsIntoTheRecordAndWritesBackUnchanged(String fixture) throws Exception {
        String served = FakeMaster.fixture(fixture);

        StatusDocument status = StatusDocument.parse(served);

        assertThat(status.toJson()).isEqualTo(JSON.readTree(served).toString());
    }

    @Test
    void aRealMastersReportReadsIntoTheRecordAndWritesBackUnchanged() throws Exception {
        String served = FakeMaster.fixture("report-failed.json");

        ReportDocument report = ReportDocument.parse(served);

        JsonNode tree = JSON.readTree(served);
        assertThat(report.toJson()).isEqualTo(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n");
        assertThat(report.summary().total().p95Ms()).isEqualTo(827.903);
        assertThat(report.thresholds().get(3).request()).isEqualTo("GET /api/users");
        assertThat(report.sections().get("generator")).isEqualTo(tree.get("generator"));
    }

    @Test
    void aStatusMissingAFieldIsRefusedWithItsPath() {
        String served = FakeMaster.fixture("status-running.json").replace("\"p95Ms\"", "\"p95\"");

        assertThatThrownBy(() -> StatusDocument.parse(served)).isInstanceOf(DocumentException.class)
                .hasMessage("progress.p95Ms: expected a number, got nothing");
    }
}
