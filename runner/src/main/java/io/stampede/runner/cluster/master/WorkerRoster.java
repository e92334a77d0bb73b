package io.stampede.runner.cluster.master;

import io.stampede.runner.cluster.protocol.MasterMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's workers by channel, and what the coordinator asks about them. Threading: the master's thread. */
final class WorkerRoster {

    private final Map<WorkerConnection, WorkerRecord> byConnection = new LinkedHashMap<>();
    private int nextId = 1;

    WorkerRecord get(WorkerConnection connection) {
        return byConnection.get(connection);
    }

    /** Registers a worker at the lowest free index (a worker that left before the start frees its index). */
    WorkerRecord add(String name, WorkerConnection connection, long nowNanos) {
        int index = 0;
        while (indexTaken(index)) index++;
        WorkerRecord worker = new WorkerRecord(nextId++, index, name, connection, nowNanos);
        byConnection.put(connection, worker);
        return worker;
    }

    private boolean indexTaken(int index) {
        return byConnection.values().stream().anyMatch(worker -> worker.index == index);
    }

    void remove(WorkerRecord worker) {
        byConnection.remove(worker.connection);
    }

    int size() {
        return byConnection.size();
    }

    List<WorkerRecord> all() {
        return List.copyOf(byConnection.values());
    }

    /** Workers running users, by index: the order users are dealt in. */
    List<WorkerRecord> running() {
        return byConnection.values().stream().filter(w -> w.state == WorkerRecord.State.RUNNING)
                .sorted(Comparator.comparingInt(w -> w.index)).toList();
    }

    int count(WorkerRecord.State state) {
        return (int) byConnection.values().stream().filter(w -> w.state == state).count();
    }

    /** Registered and not lost (finished ones included). */
    int connected() {
        return byConnection.size() - count(WorkerRecord.State.LOST);
    }

    int runningUsers() {
        return byConnection.values().stream().filter(w -> w.state == WorkerRecord.State.RUNNING)
                .mapToInt(w -> w.users).sum();
    }

    /** The workers an interval waits for: running ones, and finished ones that sent it. */
    Collection<Integer> expectedFor(long intervalId) {
        List<Integer> expected = new ArrayList<>();
        for (WorkerRecord worker : byConnection.values()) {
            if (worker.state == WorkerRecord.State.RUNNING
                    || worker.state == WorkerRecord.State.FINISHED && worker.intervals > intervalId) {
                expected.add(worker.id);
            }
        }
        return expected;
    }

    /** Sends to every worker not lost. */
    void sendToAll(MasterMessage message) {
        byConnection.values().stream().filter(w -> w.state != WorkerRecord.State.LOST)
                .forEach(w -> w.connection.send(message));
    }

    /** Closes every channel not lost. */
    void closeAll(String reason) {
        byConnection.values().stream().filter(w -> w.state != WorkerRecord.State.LOST)
                .forEach(w -> w.connection.close(reason));
    }

    List<MasterStatus.WorkerView> views() {
        return byConnection.values().stream().sorted(Comparator.comparingInt(w -> w.id))
                .map(w -> new MasterStatus.WorkerView(w.label(), w.state.name().toLowerCase(Locale.ROOT), w.users,
                        w.warning))
                .toList();
    }

    List<MasterOutcome.WorkerReport> reports() {
        return byConnection.values().stream().sorted(Comparator.comparingInt(w -> w.id))
                .map(w -> new MasterOutcome.WorkerReport(w.label(), w.intervals, w.generator))
                .toList();
    }
}
