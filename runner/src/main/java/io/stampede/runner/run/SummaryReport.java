package io.stampede.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.ExitCode;
import io.stampede.runner.json.TreeReader;
import io.stampede.runner.report.CsvReports;
import io.stampede.runner.report.html.HtmlReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Report files made after the run, from what it wrote: {@code stampede report SUMMARY.json --html FILE}. */
public final class SummaryReport {

    private SummaryReport() {
    }

    /** Renders the HTML report of a JSON summary; bad input (exit 2) when it is not one or cannot be written. */
    public static ExitCode htmlFromSummary(Path summary, Path html, PrintWriter out, PrintWriter err) {
        String json;
        try {
            json = Files.readString(summary, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("stampede: " + summary + ": no such file");
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("stampede: cannot read " + summary + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        JsonNode document;
        try {
            document = TreeReader.parse(json);
        } catch (IOException e) {
            err.println("stampede: " + summary + " is not JSON: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (document == null || !document.path("summary").path("total").isObject()) {
            err.println("stampede: " + summary + " is not a Stampede JSON summary (no summary.total): write one with "
                    + "'stampede run FILE --json " + summary.getFileName() + "'");
            return ExitCode.BAD_INPUT;
        }
        try {
            CsvReports.createParent(html);
            Files.writeString(html, HtmlReport.render(json, document.path("name").asText("Load test"), null),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("stampede: cannot write the HTML report " + html + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (!document.has("history")) {
            out.println("note: " + summary + " has no per-second history (written before it was added): the report "
                    + "has tables but no charts");
        }
        out.println("HTML: " + html);
        return ExitCode.OK;
    }
}
