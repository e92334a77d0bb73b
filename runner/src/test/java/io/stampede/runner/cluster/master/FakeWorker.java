package io.stampede.runner.cluster.master;

import io.stampede.runner.cluster.protocol.MasterMessage;

import java.util.ArrayList;
import java.util.List;

/** The master's end of a channel to a pretend worker: remembers what the master sent and whether it closed. */
final class FakeWorker implements WorkerConnection {

    private final String address;
    final List<MasterMessage> sent = new ArrayList<>();
    String closedBecause;

    FakeWorker(String address) {
        this.address = address;
    }

    @Override
    public void send(MasterMessage message) {
        if (closedBecause == null) sent.add(message);
    }

    @Override
    public void close(String reason) {
        if (closedBecause == null) closedBecause = reason;
    }

    @Override
    public String remoteAddress() {
        return address;
    }

    <T extends MasterMessage> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends MasterMessage> T last(Class<T> type) {
        List<T> all = sent(type);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** Users per class the master wants from this worker now. */
    List<Integer> targets() {
        MasterMessage.Targets targets = last(MasterMessage.Targets.class);
        return targets == null ? List.of() : targets.users();
    }

    int targetTotal() {
        return targets().stream().mapToInt(Integer::intValue).sum();
    }
}
