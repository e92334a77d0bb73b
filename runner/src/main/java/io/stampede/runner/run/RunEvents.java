package io.stampede.runner.run;

import io.stampede.runner.events.EventsWriter;
import io.stampede.runner.events.RequestEventSink;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.stats.HistorySecond;
import io.stampede.runner.stats.StatsAggregator;

import java.io.IOException;
import java.util.Optional;

/**
 * A run's {@code --events} file, if asked for: per request, the engine's loops feed it (see
 * {@link io.stampede.runner.events.RequestEventBuffer}); per second, the master feeds it each merged second.
 * Threading: {@link #afterInterval} on the master's thread; {@link #finish} once, after the run.
 */
final class RunEvents {

    /** No events file. */
    static final RunEvents NONE = new RunEvents(null, null);

    private final EventsOptions options;
    private final EventsWriter writer;
    private long lastSecond = -1;

    private RunEvents(EventsOptions options, EventsWriter writer) {
        this.options = options;
        this.writer = writer;
    }

    /**
     * Opens the file the options name (checked writable before the run).
     *
     * @return empty (with the reason printed) when it cannot be opened after all
     */
    static Optional<RunEvents> open(TestPlan plan, ReportOptions reports) {
        EventsOptions options = reports.events();
        if (options == null) return Optional.of(NONE);
        try {
            return Optional.of(new RunEvents(options, new EventsWriter(options.file(), plan.scenario().rows())));
        } catch (IOException e) {
            reports.err().println("stampede: " + EventsOptions.FLAG + ": cannot write " + options.file() + ": " + e);
            return Optional.empty();
        }
    }

    /** Where the engine's loops hand their per-request events; null unless a line per request is asked for. */
    RequestEventSink requestSink() {
        return writer != null && options.perRequest() ? writer : null;
    }

    /** A merged interval completed: writes its second, once, when lines per second are asked for. */
    void afterInterval(StatsAggregator stats) {
        if (writer == null || options.perRequest() || stats == null) return;
        Optional<HistorySecond> latest = stats.latestSecond();
        if (latest.isPresent() && latest.get().intervalId() > lastSecond) {
            lastSecond = latest.get().intervalId();
            writer.second(latest.get());
        }
    }

    /** Writes what is left and closes the file; says how many lines went out, and how many requests did not. */
    boolean finish(ReportOptions reports) {
        if (writer == null) return true;
        IOException error = writer.finish();
        if (error != null) {
            reports.err().println("stampede: " + EventsOptions.FLAG + ": writing " + options.file() + " failed: "
                    + error.getMessage());
            return false;
        }
        if (!reports.quiet() || writer.dropped() > 0) {
            reports.out().println("Events: " + writer.written() + " lines in " + options.file()
                    + (writer.dropped() > 0 ? "; " + writer.dropped() + " requests not written (the file could not "
                    + "keep up)" : ""));
        }
        return true;
    }
}
