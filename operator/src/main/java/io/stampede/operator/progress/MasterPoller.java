package io.stampede.operator.progress;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.Phase;
import io.stampede.operator.build.RunNames;
import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.doc.StatusDocument;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the master of each provisioning or running LoadTest, on the polling event source's thread, every
 * progress interval: its status, and its report once it finished. The reconciler gets the result as a secondary
 * resource and is triggered only when the answer changes. A LoadTest in any other phase is not contacted.
 * <p>Threading: one fetch at a time per LoadTest (the event source's contract); the failure record is per
 * LoadTest in a concurrent map.
 */
public final class MasterPoller implements PerResourcePollingEventSource.ResourceFetcher<MasterObservation, LoadTest> {

    private final MasterClient client;
    private final String urlTemplate;
    private final Clock clock;
    private final Map<ResourceID, MasterObservation> last = new ConcurrentHashMap<>();

    /** @param urlTemplate the master's base URL with {@code {service}} and {@code {namespace}} to fill in */
    public MasterPoller(MasterClient client, String urlTemplate, Clock clock) {
        this.client = client;
        this.urlTemplate = urlTemplate;
        this.clock = clock;
    }

    /** The master's base URL for a run of a LoadTest. */
    public static String baseUrl(String urlTemplate, LoadTest loadTest, int run) {
        return urlTemplate.replace("{service}", RunNames.of(loadTest, run).masterService())
                .replace("{namespace}", loadTest.getMetadata().getNamespace());
    }

    @Override
    public Set<MasterObservation> fetchResources(LoadTest loadTest) {
        ResourceID id = ResourceID.fromResource(loadTest);
        if (loadTest.getStatus() == null || loadTest.getStatus().getRun() == null
                || !Phase.of(loadTest.getStatus()).isActive()) {
            last.remove(id);
            return Set.of();
        }
        int run = loadTest.getStatus().getRun();
        MasterObservation previous = last.get(id);
        if (previous != null && previous.run() != run) previous = null;
        MasterObservation observation = observe(loadTest, run, previous);
        last.put(id, observation);
        return Set.of(observation);
    }

    private MasterObservation observe(LoadTest loadTest, int run, MasterObservation previous) {
        String base = baseUrl(urlTemplate, loadTest, run);
        StatusDocument lastStatus = previous == null ? null : previous.status();
        try {
            StatusDocument status = client.status(base);
            boolean finished = MasterObservation.isFinal(status.phase());
            ReportDocument report = finished ? client.report(base).orElse(null) : null;
            return new MasterObservation(run, status, report, null, null);
        } catch (MasterClient.MasterUnreachable e) {
            Instant since = previous != null && previous.failingSince() != null ? previous.failingSince() : clock.instant();
            return new MasterObservation(run, lastStatus, previous == null ? null : previous.report(), e.getMessage(), since);
        }
    }
}
