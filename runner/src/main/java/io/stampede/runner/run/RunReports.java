package io.stampede.runner.run;

import io.stampede.runner.analysis.capacity.StepResult;
import io.stampede.runner.cluster.master.LostWorker;
import io.stampede.runner.cluster.master.MasterOutcome;
import io.stampede.runner.engine.health.GeneratorHealth;
import io.stampede.runner.report.ArrivalsSection;
import io.stampede.runner.report.CapacityCsv;
import io.stampede.runner.report.CsvReports;
import io.stampede.runner.report.HistorySection;
import io.stampede.runner.report.JsonSummaryWriter;
import io.stampede.runner.report.html.HtmlReport;
import io.stampede.runner.stats.ArrivalCounts;
import io.stampede.runner.stats.HumanFormat;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.StatsAggregator;
import io.stampede.runner.stats.ThresholdResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reports a finished run writes (CSV, JSON) and the JSON's extra sections: generator and workers. */
final class RunReports {

    private RunReports() {
    }

    /** The JSON summary's extra sections, in order: {@code arrivals} (open model only), {@code generator}, {@code workers}, then {@code history}. */
    static Map<String, Object> extraSections(MasterOutcome outcome, int expectedWorkers, StatsAggregator stats,
                                             RunSummary summary) {
        Map<String, Object> sections = new LinkedHashMap<>();
        if (summary.arrivals().any()) sections.put(ArrivalsSection.NAME, ArrivalsSection.of(summary.arrivals()));
        sections.put("generator", generatorSection(combinedHealth(outcome)));
        sections.put("workers", workersSection(outcome, expectedWorkers));
        Map<String, Object> history = HistorySection.of(stats.history(), summary.startEpochMillis());
        history.put("saturatedSeconds", outcome.saturatedSeconds());
        sections.put("history", history);
        return sections;
    }

    /** The open model's warnings for people: arrivals dropped, starts late; empty when neither happened. */
    static List<String> arrivalWarnings(ArrivalCounts arrivals) {
        List<String> lines = new ArrayList<>();
        if (arrivals.dropped() > 0) {
            lines.add(arrivals.dropped() + " of " + arrivals.scheduled() + " arrivals ("
                    + HumanFormat.percent(arrivals.droppedRate()) + ") were dropped: every one of maxUsers was busy. "
                    + "The target answered too slowly for this rate with that many users; raise maxUsers to send "
                    + "them all.");
        }
        if (arrivals.late() > 0) {
            lines.add(arrivals.late() + " arrivals started more than " + ArrivalCounts.LATE_MILLIS + " ms after "
                    + "their scheduled time: the load generator was saturated (their latency still counts from the "
                    + "schedule). Use a lower rate per process, more CPU or more workers.");
        }
        return lines;
    }

    /** The JSON summary's {@code generator} section: whether the numbers may include the generator's queueing. */
    static Map<String, Object> generatorSection(GeneratorHealth health) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("saturated", health.saturated());
        section.put("saturatedSeconds", health.saturatedSeconds());
        section.put("stalled", health.stalled());
        section.put("stalledSeconds", health.stalledSeconds());
        section.put("worstStallMs", health.worstStallMs());
        section.put("peakStealPercent", health.peakStealPercent());
        section.put("seconds", health.seconds());
        section.put("cores", health.cores());
        section.put("machines", health.machines());
        section.put("peakCpuPercent", health.peakCpuPercent());
        section.put("meanCpuPercent", health.meanCpuPercent());
        section.put("loopLagP99Ms", health.loopLagP99Ms());
        section.put("loopLagMaxMs", health.loopLagMaxMs());
        section.put("outOfFileDescriptors", health.outOfFileDescriptors());
        section.put("message", health.message());
        return section;
    }

    /**
     * All workers' generators as one: the worst lag, CPU, stall, steal and saturated and stalled seconds of any
     * worker, the mean of their mean CPU, and the cores of each machine counted once (workers on one machine share
     * its cores; a worker whose machine is unknown counts as a machine of its own). One worker's health is itself.
     */
    static GeneratorHealth combinedHealth(MasterOutcome outcome) {
        List<GeneratorHealth> healths = outcome.workers().stream().map(MasterOutcome.WorkerReport::generator)
                .filter(java.util.Objects::nonNull).toList();
        if (healths.size() == 1) return healths.get(0);
        Map<String, Integer> coresByMachine = new LinkedHashMap<>();
        for (int i = 0; i < healths.size(); i++) {
            GeneratorHealth health = healths.get(i);
            String machine = health.machine().isEmpty() ? "unknown-" + i : health.machine();
            coresByMachine.merge(machine, health.cores(), Math::max);
        }
        return new GeneratorHealth(coresByMachine.values().stream().mapToInt(Integer::intValue).sum(),
                healths.stream().mapToDouble(GeneratorHealth::peakCpuPercent).max().orElse(0),
                Math.round(healths.stream().mapToDouble(GeneratorHealth::meanCpuPercent).average().orElse(0) * 10) / 10.0,
                healths.stream().mapToDouble(GeneratorHealth::loopLagP99Ms).max().orElse(0),
                healths.stream().mapToDouble(GeneratorHealth::loopLagMaxMs).max().orElse(0),
                healths.stream().mapToLong(GeneratorHealth::seconds).max().orElse(0),
                healths.stream().mapToLong(GeneratorHealth::saturatedSeconds).max().orElse(0),
                healths.stream().mapToLong(GeneratorHealth::outOfFileDescriptors).sum(),
                healths.stream().mapToLong(GeneratorHealth::stalledSeconds).max().orElse(0),
                healths.stream().mapToDouble(GeneratorHealth::worstStallMs).max().orElse(0),
                healths.stream().mapToDouble(GeneratorHealth::peakStealPercent).max().orElse(0),
                coresByMachine.size() == 1 ? coresByMachine.keySet().iterator().next() : "",
                coresByMachine.size());
    }

    private static Map<String, Object> workersSection(MasterOutcome outcome, int expectedWorkers) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("expected", expectedWorkers);
        section.put("finished", outcome.workers().stream().filter(w -> w.generator() != null).count());
        List<Map<String, Object>> lost = new ArrayList<>();
        for (LostWorker worker : outcome.lostWorkers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("worker", worker.worker());
            entry.put("lostAt", Instant.ofEpochMilli(worker.atEpochMillis()).toString());
            entry.put("elapsedSeconds", worker.elapsedMillis() / 1000.0);
            entry.put("reason", worker.reason());
            entry.put("users", worker.users());
            lost.add(entry);
        }
        section.put("lost", lost);
        section.put("duplicateSnapshots", outcome.duplicateSnapshots());
        section.put("lateSnapshots", outcome.lateSnapshots());
        return section;
    }

    /**
     * One line per lost worker, for the console: a closed-model run moves the worker's users to the others, an
     * open-model run its share of the arrival rate.
     */
    static String lossLine(LostWorker worker, boolean openModel) {
        return "worker " + worker.worker() + " lost " + HumanFormat.millis(worker.elapsedMillis()) + " into the run ("
                + worker.reason() + "); " + (openModel ? "its share of the arrival rate"
                : "its " + worker.users() + " users") + " moved to the other workers";
    }

    /**
     * Writes the report files asked for; false when one could not be written (said on err).
     *
     * @param reportJson the JSON summary, as {@link JsonSummaryWriter#toJsonString} made it: the JSON file, and the
     *                   document the HTML report draws
     * @param stressSteps the judged steps of a stress run ({@code PREFIX_capacity.csv}); null for another run
     */
    static boolean write(RunSummary summary, StatsAggregator stats, List<StepResult> stressSteps, String reportJson,
                         ReportOptions options) {
        boolean ok = true;
        if (options.csvPrefix() != null) {
            try {
                CsvReports.writeAll(options.csvPrefix(), summary, stats.history(), options.csvFullHistory());
                if (stressSteps != null) CapacityCsv.write(options.csvPrefix(), stressSteps);
                options.out().println("CSV: " + CsvReports.statsPath(options.csvPrefix()) + ", "
                        + CsvReports.historyPath(options.csvPrefix()) + ", "
                        + CsvReports.failuresPath(options.csvPrefix())
                        + (stressSteps == null ? "" : ", " + CapacityCsv.path(options.csvPrefix())));
            } catch (IOException e) {
                options.err().println("stampede: cannot write the CSV reports: " + e.getMessage());
                ok = false;
            }
        }
        if (options.jsonFile() != null) {
            ok &= writeText(options.jsonFile(), reportJson, "the JSON summary", "JSON", options);
        }
        if (options.htmlFile() != null) {
            ok &= writeText(options.htmlFile(), HtmlReport.render(reportJson, summary.name(), null), "the HTML report",
                    "HTML", options);
        }
        return ok;
    }

    private static boolean writeText(Path path, String text, String what, String label, ReportOptions options) {
        try {
            CsvReports.createParent(path);
            Files.writeString(path, text, StandardCharsets.UTF_8);
            options.out().println(label + ": " + path);
            return true;
        } catch (IOException e) {
            options.err().println("stampede: cannot write " + what + ": " + e.getMessage());
            return false;
        }
    }
}
