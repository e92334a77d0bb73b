package io.stampede.runner.report;

import io.stampede.runner.analysis.capacity.StepResult;
import io.stampede.runner.stats.RowSummary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code PREFIX_capacity.csv}: one line per judged step of a stress run, over the step's judged seconds only
 * (the aggregate). Written like the Locust-style files beside it (CRLF, quoted only when needed, percentiles as
 * whole ms, N/A without requests); Failure Rate is a fraction 0..1 with 4 decimals; Result is {@code held} or
 * {@code broke}; Breached lists the breached criteria with their observed values, separated by "; ".
 */
public final class CapacityCsv {

    public static final String HEADER = "Step,Users,Request Count,Failure Count,Requests/s,50%,95%,99%,"
            + "Failure Rate,Result,Breached";

    private CapacityCsv() {
    }

    public static Path path(String prefix) {
        return Path.of(prefix + "_capacity.csv");
    }

    /** Writes the file, creating missing parent folders. */
    public static void write(String prefix, List<StepResult> steps) throws IOException {
        Path path = path(prefix);
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        Files.writeString(path, csv(steps), StandardCharsets.UTF_8);
    }

    static String csv(List<StepResult> steps) {
        StringBuilder csv = new StringBuilder(HEADER).append(CsvLine.END);
        for (StepResult step : steps) {
            RowSummary total = step.total();
            boolean any = total.requests() > 0;
            csv.append(CsvLine.of(List.of(
                    Integer.toString(step.step()),
                    Integer.toString(step.users()),
                    Long.toString(total.requests()),
                    Long.toString(total.failures()),
                    CsvLine.decimal(total.rps()),
                    any ? CsvLine.wholeMillis(total.percentiles().at(50)) : "N/A",
                    any ? CsvLine.wholeMillis(total.percentiles().at(95)) : "N/A",
                    any ? CsvLine.wholeMillis(total.percentiles().at(99)) : "N/A",
                    String.format(Locale.ROOT, "%.4f", total.failureRate()),
                    step.held() ? "held" : "broke",
                    String.join("; ", step.breached()))));
        }
        return csv.toString();
    }
}
