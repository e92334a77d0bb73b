package io.stampede.runner.cluster.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.scenario.data.DataTable;

import java.util.List;
import java.util.Map;

/** What the master tells a worker, as JSON text frames ({@code {"type": "targets", ...}}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MasterMessage.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = MasterMessage.Start.class, name = "start"),
        @JsonSubTypes.Type(value = MasterMessage.Targets.class, name = "targets"),
        @JsonSubTypes.Type(value = MasterMessage.Arrivals.class, name = "arrivals"),
        @JsonSubTypes.Type(value = MasterMessage.Stop.class, name = "stop"),
        @JsonSubTypes.Type(value = MasterMessage.Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = MasterMessage.Refused.class, name = "refused")})
public sealed interface MasterMessage {

    /**
     * The answer to {@link WorkerMessage.Register}: who the worker is and what it runs.
     *
     * @param workerId              identifies the worker in snapshots, status and reports
     * @param workerIndex           0..workers-1: the {@code workerIndex} built-in; user ids are workerIndex+1,
     *                              workerIndex+1+workers, ...
     * @param workers               how many workers the run has (the user-id stride)
     * @param loadTest              the LoadTest file as a JSON tree; the worker compiles it with its own
     *                              environment (secrets come from there, never over the wire)
     * @param overrides             the master's command-line overrides, applied by the worker too
     * @param heartbeatMillis       how often the worker sends heartbeats
     * @param masterTimeoutMillis   the worker stops by itself after this long without a word from the master
     * @param data                  the spec.data tables the master read (whole: each worker's engine draws unique
     *                              and sequential rows from its own slice), so that workers need no data files
     */
    record Welcome(int workerId, int workerIndex, int workers, JsonNode loadTest, WireOverrides overrides,
                   boolean insecureTls, long heartbeatMillis, long masterTimeoutMillis, List<DataTable> data)
            implements MasterMessage {

        public Welcome {
            data = data == null ? List.of() : List.copyOf(data);
        }

        public Welcome(int workerId, int workerIndex, int workers, JsonNode loadTest, WireOverrides overrides,
                       boolean insecureTls, long heartbeatMillis, long masterTimeoutMillis) {
            this(workerId, workerIndex, workers, loadTest, overrides, insecureTls, heartbeatMillis,
                    masterTimeoutMillis, List.of());
        }
    }

    /**
     * Every worker starts its run now; interval 0 begins.
     *
     * @param setup the values the test's setup extracted, by name (users read {@code ${setup.NAME}}); they may be
     *              tokens, so they are never logged; empty without setup
     */
    record Start(Map<String, String> setup) implements MasterMessage {

        public Start {
            setup = setup == null ? Map.of() : Map.copyOf(setup);
        }

        public Start() {
            this(Map.of());
        }
    }

    /** Users this worker should run now, per user class (indexed as the compiled scenario's classes). */
    record Targets(List<Integer> users) implements MasterMessage {

        public Targets {
            users = List.copyOf(users);
        }
    }

    /**
     * Open model: the arrivals this worker takes from arrival {@code fromArrival} on, and its share of maxUsers
     * (an {@link io.stampede.runner.load.ArrivalShare}). The first comes before {@link Start} with fromArrival 0;
     * after a worker is lost, the others get a new one that takes effect at an arrival not yet due.
     */
    record Arrivals(long fromArrival, int slot, int slots, int maxUsers) implements MasterMessage {
    }

    /**
     * End the run: stop the users, let in-flight tasks finish within the stop timeout, send the last snapshot.
     *
     * @param planEnded the load plan reached its end on the master's clock (not a stop asked for): an open-model
     *                  worker, whose clock started a little later, first handles the rest of its arrival schedule
     */
    record Stop(String reason, boolean planEnded) implements MasterMessage {

        public Stop(String reason) {
            this(reason, false);
        }
    }

    /** Sent every second, so that a worker notices a master that is gone. */
    record Heartbeat() implements MasterMessage {
    }

    /** The worker is not taken (the run has all its workers, or has started); the channel closes after this. */
    record Refused(String reason) implements MasterMessage {
    }
}
