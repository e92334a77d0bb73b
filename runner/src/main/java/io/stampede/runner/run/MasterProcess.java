package io.stampede.runner.run;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cluster.link.SharedToken;
import io.stampede.runner.cluster.master.MasterSettings;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.stats.HumanFormat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What {@code stampede master} does once its flags are read: listens for workers and serves the HTTP API (status,
 * metrics, report) on one address, runs the session, then keeps serving the final report for a while.
 *
 * <p>Threading: blocks the caller until the run is over and the report served; the API has an event loop of its own.
 */
public final class MasterProcess {

    private MasterProcess() {
    }

    /**
     * Runs the plan on the workers that connect to {@code bind} and returns the exit code.
     *
     * @param keepServing how long to serve {@code /api/v1/report} after the run; zero or negative for not at all
     */
    public static ExitCode run(TestPlan plan, MasterSettings settings, SharedToken token, HostPort bind,
                               Duration keepServing, ReportOptions reports) throws Exception {
        Optional<ServedApi> served = ServedApi.listen(token, bind, reports);
        if (served.isEmpty()) return ExitCode.COULD_NOT_RUN;
        try (ServedApi api = served.get()) {
            String base = api.base();
            reports.out().println("Master listening on " + base + " (status: " + base + "/api/v1/status, live view: "
                    + base + "/); waiting for " + settings.expectedWorkers() + " workers: stampede worker --master HOST:"
                    + api.port());
            Optional<RunEvents> events = RunEvents.open(plan, reports);
            if (events.isEmpty()) return ExitCode.COULD_NOT_RUN;
            ExitCode code = MasterSession.run(plan, settings, reports, true, api.hooks(master -> { }), events.get());
            keepServing(keepServing, reports, base);
            return code;
        }
    }

    private static void keepServing(Duration keepServing, ReportOptions reports, String base)
            throws InterruptedException {
        if (keepServing.isZero() || keepServing.isNegative()) return;
        reports.out().println("Serving the final report at " + base + "/api/v1/report for "
                + HumanFormat.millis(keepServing.toMillis()) + " (Ctrl-C ends it now).");
        new CountDownLatch(1).await(keepServing.toMillis(), TimeUnit.MILLISECONDS);
    }
}
