package io.stampede.runner.cluster.master;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.cluster.protocol.WireOverrides;
import io.stampede.runner.scenario.data.DataTable;

import java.util.List;

/**
 * How the master runs a test across workers.
 *
 * @param expectedWorkers      the run starts when this many workers are ready, >= 1
 * @param minWorkers           the run fails (exit 3) when fewer workers than this remain, 1..expectedWorkers
 * @param waitForWorkersMillis how long to wait for the expected workers before giving up (exit 3), > 0
 * @param heartbeatTimeoutMillis a worker silent for this long is lost, and its users move to the others, > 0
 * @param heartbeatMillis      how often master and workers send heartbeats, > 0
 * @param masterTimeoutMillis  a worker that hears nothing from the master for this long stops by itself, > 0
 * @param lateSnapshotMillis   how long an interval waits for a worker's snapshot before it is completed without
 *                             it; a snapshot arriving later still counts, in its own interval, >= 0
 * @param loadTest             the LoadTest file as a JSON tree, sent to remote workers; null when all are in-process
 * @param overrides            the command-line overrides, sent to remote workers
 * @param insecureTls          workers accept any TLS certificate
 * @param data                 the spec.data tables the master read, sent to remote workers (which read no files)
 */
public record MasterSettings(int expectedWorkers, int minWorkers, long waitForWorkersMillis,
                             long heartbeatTimeoutMillis, long heartbeatMillis, long masterTimeoutMillis,
                             long lateSnapshotMillis, JsonNode loadTest, WireOverrides overrides,
                             boolean insecureTls, List<DataTable> data) {

    public static final long DEFAULT_HEARTBEAT_MILLIS = 1000;
    public static final long DEFAULT_HEARTBEAT_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_MASTER_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_LATE_SNAPSHOT_MILLIS = 2000;

    public MasterSettings(int expectedWorkers, int minWorkers, long waitForWorkersMillis,
                          long heartbeatTimeoutMillis, long heartbeatMillis, long masterTimeoutMillis,
                          long lateSnapshotMillis, JsonNode loadTest, WireOverrides overrides, boolean insecureTls) {
        this(expectedWorkers, minWorkers, waitForWorkersMillis, heartbeatTimeoutMillis, heartbeatMillis,
                masterTimeoutMillis, lateSnapshotMillis, loadTest, overrides, insecureTls, List.of());
    }

    public MasterSettings {
        data = List.copyOf(data);
        if (expectedWorkers < 1) throw new IllegalArgumentException("expectedWorkers must be >= 1: " + expectedWorkers);
        if (minWorkers < 1 || minWorkers > expectedWorkers) {
            throw new IllegalArgumentException("minWorkers must be 1.." + expectedWorkers + ": " + minWorkers);
        }
        if (waitForWorkersMillis <= 0 || heartbeatTimeoutMillis <= 0 || heartbeatMillis <= 0
                || masterTimeoutMillis <= 0 || lateSnapshotMillis < 0) {
            throw new IllegalArgumentException("timeouts must be > 0");
        }
    }

    /** One in-process worker: what {@code stampede run} uses. */
    public static MasterSettings inProcess(boolean insecureTls) {
        return new MasterSettings(1, 1, 60_000, DEFAULT_HEARTBEAT_TIMEOUT_MILLIS, DEFAULT_HEARTBEAT_MILLIS,
                DEFAULT_MASTER_TIMEOUT_MILLIS, DEFAULT_LATE_SNAPSHOT_MILLIS, null, null, insecureTls);
    }
}
