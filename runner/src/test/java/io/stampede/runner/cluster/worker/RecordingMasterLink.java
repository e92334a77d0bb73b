package io.stampede.runner.cluster.worker;

import io.stampede.runner.cluster.protocol.WorkerMessage;

import java.util.ArrayList;
import java.util.List;

/** The worker's end of a channel to nobody: remembers what the worker sent, with when. Thread safe. */
final class RecordingMasterLink implements MasterLink {

    record Sent(long nanos, WorkerMessage message) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private volatile boolean closed;

    @Override
    public synchronized void send(WorkerMessage message) {
        if (!closed) sent.add(new Sent(System.nanoTime(), message));
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    synchronized <T extends WorkerMessage> List<T> sent(Class<T> type) {
        return sent.stream().map(Sent::message).filter(type::isInstance).map(type::cast).toList();
    }

    /** When each message of this type went out, in nanoseconds. */
    synchronized List<Long> sendTimes(Class<? extends WorkerMessage> type) {
        return sent.stream().filter(s -> type.isInstance(s.message())).map(Sent::nanos).toList();
    }
}
