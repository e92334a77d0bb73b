package io.stampede.runner.cluster.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.stampede.runner.engine.health.GeneratorHealth;
import io.stampede.runner.stats.ArrivalCounts;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a worker tells its master. Every message but {@link Snapshot} travels as a JSON text frame
 * ({@code {"type": "heartbeat", ...}}); snapshots travel as binary frames. Over a WebSocket
 * the link encodes them ({@code cluster/link}); between a master and a worker in one process they are handed
 * over as they are.
 * See docs/distributed.md for the whole exchange.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = WorkerMessage.Register.class, name = "register"),
        @JsonSubTypes.Type(value = WorkerMessage.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = WorkerMessage.Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = WorkerMessage.Finished.class, name = "finished"),
        @JsonSubTypes.Type(value = WorkerMessage.Failed.class, name = "failed")})
public sealed interface WorkerMessage {

    /**
     * First message on a new channel.
     *
     * @param protocol {@link Protocol#VERSION} of the worker; the master refuses another
     * @param name     for people: host name and process id
     * @param cores    CPUs the worker may use
     */
    record Register(int protocol, String name, int cores) implements WorkerMessage {
    }

    /** The worker compiled the test and prepared its engine; it waits for {@link MasterMessage.Start}. */
    record Ready() implements WorkerMessage {
    }

    /**
     * Sent every second from a thread of its own, whatever the load, so that a busy worker is never taken for lost.
     *
     * @param users   users running now
     * @param warning the generator's latest warning (saturation), or "" when it keeps up
     */
    record Heartbeat(int users, String warning) implements WorkerMessage {
    }

    /**
     * One interval's measurements, sent once per interval, also when empty (it tells the master the interval is
     * complete on this worker). The last one is the partial interval at the end, sent after the last response.
     *
     * @param workerId       as the master assigned it in {@link MasterMessage.Welcome}
     * @param intervalId     0 = the first second after {@link MasterMessage.Start}
     * @param users          users running at the end of the interval
     * @param endEpochMillis wall-clock end of the interval on the worker
     * @param rows           rows with requests, in their order; they belong to the receiver once sent (the sender
     *                       keeps no reference and changes none of them)
     * @param arrivals       the open model's arrivals due on this worker in the interval (none when closed)
     */
    record Snapshot(int workerId, long intervalId, int users, long endEpochMillis, Map<RowKey, RowStats> rows,
                    ArrivalCounts arrivals) implements WorkerMessage {

        public Snapshot {
            rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }

        /** A closed-model snapshot: no arrivals. */
        public Snapshot(int workerId, long intervalId, int users, long endEpochMillis, Map<RowKey, RowStats> rows) {
            this(workerId, intervalId, users, endEpochMillis, rows, ArrivalCounts.NONE);
        }
    }

    /**
     * The worker's users have all ended and its last snapshot was sent before this.
     *
     * @param intervals how many snapshots it sent (ids 0..intervals-1)
     * @param generator whether the worker kept up over the run
     */
    record Finished(long intervals, GeneratorHealth generator) implements WorkerMessage {
    }

    /**
     * The worker cannot run the test (its file does not compile with the worker's environment, the target does not
     * resolve from there...). It exits after sending this.
     *
     * @param exitCode what the worker exits with, as {@code ExitCode.code()}: 2 bad input, 3 could not run
     */
    record Failed(String reason, int exitCode) implements WorkerMessage {
    }
}
