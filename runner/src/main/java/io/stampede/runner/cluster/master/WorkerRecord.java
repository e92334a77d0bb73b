package io.stampede.runner.cluster.master;

import io.stampede.runner.engine.health.GeneratorHealth;
import io.stampede.runner.load.ArrivalShare;

import java.util.ArrayList;
import java.util.List;

/** What the master knows about one worker. Threading: confined to the master's thread. */
final class WorkerRecord {

    enum State {
        /** Welcomed; compiling the test and preparing its engine. */
        REGISTERED,
        /** Prepared; waiting for the start. */
        READY,
        /** Running users (or stopping them). */
        RUNNING,
        /** Sent its last snapshot. */
        FINISHED,
        /** Silent too long, or its channel closed before it finished. */
        LOST
    }

    final int id;
    final int index;
    final String name;
    private final String label;
    final WorkerConnection connection;
    State state = State.REGISTERED;
    long lastHeardNanos;
    int users;
    String warning = "";
    int[] targets = new int[0];
    /** Open model: the shares of the arrivals it was sent, oldest first. */
    final List<ArrivalShare> arrivalShares = new ArrayList<>();
    /** Open model: the arrivals its accepted snapshots counted as scheduled (started or dropped). */
    long arrivalsReported;
    long intervals;
    GeneratorHealth generator;

    WorkerRecord(int id, int index, String name, WorkerConnection connection, long nowNanos) {
        this.id = id;
        this.index = index;
        this.name = name;
        this.connection = connection;
        this.lastHeardNanos = nowNanos;
        this.label = "w" + id + " (" + name + ")";
    }

    /** {@code w3 (host-7/4711)}. */
    String label() {
        return label;
    }

    int targetUsers() {
        int sum = 0;
        for (int users : targets) sum += users;
        return sum;
    }
}
