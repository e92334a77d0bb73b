package io.stampede.runner.report;

import io.stampede.runner.analysis.capacity.CapacityEvaluator;
import io.stampede.runner.analysis.capacity.StepResult;
import io.stampede.runner.stats.Snapshots;
import io.stampede.runner.stats.StepStats;
import io.stampede.runner.stats.ThresholdParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityCsvTest {

    @Test
    void writesOneLinePerJudgedStepWithItsVerdict(@TempDir Path dir) throws Exception {
        StepStats stats = new StepStats();
        for (int second = 0; second < 10; second++) {
            stats.accept(1, Snapshots.interval(second).ok(Snapshots.PRODUCT, 100, 40).build());
            stats.accept(2, Snapshots.interval(100 + second).ok(Snapshots.PRODUCT, 110, 820)
                    .fail(Snapshots.PRODUCT, 10, 820, "HTTP 503").build());
        }
        var breakOn = List.of(ThresholdParser.parse("p95 < 450ms", null), ThresholdParser.parse("failureRate < 5%", null));
        List<StepResult> steps = List.of(
                CapacityEvaluator.judge(1, 50, stats.summary(1, 50, 0, 10_000), breakOn),
                CapacityEvaluator.judge(2, 100, stats.summary(2, 100, 60_000, 70_000), breakOn),
                CapacityEvaluator.judge(3, 150, stats.summary(3, 150, 120_000, 130_000), breakOn));

        CapacityCsv.write(dir.resolve("out/shop").toString(), steps);

        assertThat(Files.readString(dir.resolve("out/shop_capacity.csv"))).isEqualTo(
                "Step,Users,Request Count,Failure Count,Requests/s,50%,95%,99%,Failure Rate,Result,Breached\r\n"
                        + "1,50,1000,0,100.00,40,40,40,0.0000,held,\r\n"
                        + "2,100,1200,100,120.00,820,820,820,0.0833,broke,p95 < 450ms: 820ms; failureRate < 5%: 8.33%\r\n"
                        + "3,150,0,0,0.00,N/A,N/A,N/A,0.0000,broke,p95 < 450ms: no requests; failureRate < 5%: no requests\r\n");
    }
}
