package io.stampede.runner.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.runner.json.TreeWriter;

import java.time.Instant;
import java.util.List;

/**
 * The master's {@code GET /api/v1/status}: its phase, its workers and the live totals, shaped like the
 * LoadTest's status ({@code workers}, {@code progress}):
 * <pre>
 * {"phase": "Pending|Running|Succeeded|Failed|Error|Aborted", "startTime" (ISO-8601 or null), "message",
 *  "workers": {"expected", "connected", "lost", "lostWorkers": [{"worker", "lostAt", "elapsedSeconds",
 *              "reason", "users"}], "list": [{"worker", "state", "users", "warning"}]},
 *  "progress": {"users", "elapsedSeconds", "requests", "failures", "rps", "p50Ms", "p95Ms", "p99Ms",
 *               "dropped", "late" (open model only: arrivals dropped and started late so far)},
 *  "capacity": {...} (a stress run, once its reports are written; see {@link CapacityDocument}),
 *  "story": {...} (once the reports are written; see {@link StoryDocument})}
 * </pre>
 *
 * @param phase     the master's phase, or its verdict once the reports are written
 * @param startTime when users started; null before
 * @param message   one line for people; empty while running
 * @param capacity  a stress run's capacity once the run is over; null before, and for other runs
 * @param story     the run's story once it is over; null before
 */
public record StatusDocument(String phase, Instant startTime, String message, Workers workers, Progress progress,
                             CapacityDocument capacity, StoryDocument story) {

    /** A status without capacity and story: a run that is not over. */
    public StatusDocument(String phase, Instant startTime, String message, Workers workers, Progress progress) {
        this(phase, startTime, message, workers, progress, null, null);
    }

    /**
     * @param expected    workers the run waits for
     * @param connected   workers connected now
     * @param lostWorkers workers lost during the run, in the order lost; {@code "lost"} on the wire is their count
     * @param list        every worker the master knows
     */
    public record Workers(int expected, int connected, List<LostWorker> lostWorkers, List<Worker> list) {

        public Workers {
            lostWorkers = List.copyOf(lostWorkers);
            list = List.copyOf(list);
        }

        public int lost() {
            return lostWorkers.size();
        }
    }

    /**
     * @param elapsedSeconds the run's elapsed time when it was lost, in seconds (3 decimals)
     * @param users          the users it ran, moved to the others
     */
    public record LostWorker(String worker, Instant lostAt, double elapsedSeconds, String reason, int users) {
    }

    /** @param warning empty when none, such as "generator saturated" */
    public record Worker(String worker, String state, int users, String warning) {
    }

    /**
     * The live totals: {@code rps} over the last 10 s, percentiles (milliseconds, 3 decimals) over the run so
     * far; all zero before users start.
     */
    public record Progress(int users, double elapsedSeconds, long requests, long failures, double rps, double p50Ms,
                           double p95Ms, double p99Ms, Long dropped, Long late) {

        /** A closed-model run's progress: no arrivals. */
        public Progress(int users, double elapsedSeconds, long requests, long failures, double rps, double p50Ms,
                        double p95Ms, double p99Ms) {
            this(users, elapsedSeconds, requests, failures, rps, p50Ms, p95Ms, p99Ms, null, null);
        }
    }

    public ObjectNode toTree() {
        ObjectNode root = Fields.object();
        root.put("phase", phase);
        root.put("startTime", startTime == null ? null : startTime.toString());
        root.put("message", message);
        ObjectNode workersNode = root.putObject("workers");
        workersNode.put("expected", workers.expected());
        workersNode.put("connected", workers.connected());
        workersNode.put("lost", workers.lost());
        workersNode.set("lostWorkers", Fields.array(workers.lostWorkers(), lost -> Fields.object()
                .put("worker", lost.worker()).put("lostAt", lost.lostAt().toString())
                .put("elapsedSeconds", lost.elapsedSeconds()).put("reason", lost.reason()).put("users", lost.users())));
        workersNode.set("list", Fields.array(workers.list(), worker -> Fields.object()
                .put("worker", worker.worker()).put("state", worker.state()).put("users", worker.users())
                .put("warning", worker.warning())));
        ObjectNode progressNode = root.putObject("progress").put("users", progress.users())
                .put("elapsedSeconds", progress.elapsedSeconds())
                .put("requests", progress.requests()).put("failures", progress.failures()).put("rps", progress.rps())
                .put("p50Ms", progress.p50Ms()).put("p95Ms", progress.p95Ms()).put("p99Ms", progress.p99Ms());
        if (progress.dropped() != null) progressNode.put("dropped", progress.dropped());
        if (progress.late() != null) progressNode.put("late", progress.late());
        if (capacity != null) root.set(CapacityDocument.SECTION, capacity.toTree());
        if (story != null) root.set(StoryDocument.SECTION, story.toTree());
        return root;
    }

    /** Compact JSON, as the master serves it. */
    public String toJson() {
        return TreeWriter.compact(toTree());
    }

    /** @throws DocumentException naming the first field that is missing or of the wrong type */
    public static StatusDocument fromTree(JsonNode tree) {
        Fields root = Fields.of(tree, "");
        Fields workers = root.object("workers");
        Fields progress = root.object("progress");
        return new StatusDocument(root.text("phase"), root.optionalInstant("startTime"), root.text("message"),
                new Workers(workers.count("expected"), workers.count("connected"),
                        workers.list("lostWorkers", lost -> new LostWorker(lost.text("worker"),
                                lost.instant("lostAt"), lost.number("elapsedSeconds"), lost.text("reason"),
                                lost.count("users"))),
                        workers.list("list", worker -> new Worker(worker.text("worker"), worker.text("state"),
                                worker.count("users"), worker.text("warning")))),
                new Progress(progress.count("users"), progress.number("elapsedSeconds"), progress.whole("requests"),
                        progress.whole("failures"), progress.number("rps"), progress.number("p50Ms"),
                        progress.number("p95Ms"), progress.number("p99Ms"), optionalWhole(progress, "dropped"),
                        optionalWhole(progress, "late")),
                section(tree, CapacityDocument.SECTION, CapacityDocument::fromTree),
                section(tree, StoryDocument.SECTION, StoryDocument::fromTree));
    }

    private static Long optionalWhole(Fields fields, String name) {
        return fields.optionalNumber(name) == null ? null : fields.whole(name);
    }

    private static <T> T section(JsonNode tree, String name, java.util.function.Function<JsonNode, T> read) {
        JsonNode section = tree.get(name);
        return section == null || section.isNull() ? null : read.apply(section);
    }

    /** @throws DocumentException when the text is not JSON or not this document */
    public static StatusDocument parse(String json) {
        return fromTree(Documents.tree(json));
    }
}
