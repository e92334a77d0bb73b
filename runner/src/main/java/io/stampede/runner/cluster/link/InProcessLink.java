package io.stampede.runner.cluster.link;

import io.stampede.runner.cluster.master.MasterEndpoint;
import io.stampede.runner.cluster.master.WorkerConnection;
import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.cluster.protocol.WorkerMessage;
import io.stampede.runner.cluster.worker.MasterLink;
import io.stampede.runner.cluster.worker.WorkerAgent;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A master and a worker in one process ({@code stampede run}): the same messages as over a WebSocket, handed over
 * as they are, never encoded: a snapshot's rows go to the master as objects (no histogram is compressed or
 * inflated), and no JSON is bound. Control messages are immutable; a snapshot's rows belong to the master once
 * sent (the worker keeps no reference). Both ends queue what they receive onto their own threads, which orders
 * the hand-over.
 */
public final class InProcessLink implements WorkerConnection, MasterLink {

    private final MasterEndpoint master;
    private final WorkerAgent worker;
    private final AtomicBoolean closed = new AtomicBoolean();

    private InProcessLink(MasterEndpoint master, WorkerAgent worker) {
        this.master = master;
        this.worker = worker;
    }

    /** Opens a channel between the two; the worker registers at once. */
    public static void connect(MasterEndpoint master, WorkerAgent worker) {
        InProcessLink link = new InProcessLink(master, worker);
        master.connected(link);
        worker.attach(link);
    }

    /** The master's side sends. */
    @Override
    public void send(MasterMessage message) {
        if (closed.get()) return;
        worker.received(message);
    }

    /** The worker's side sends. */
    @Override
    public void send(WorkerMessage message) {
        if (closed.get()) return;
        master.received(this, message);
    }

    @Override
    public void close(String reason) {
        if (closed.compareAndSet(false, true)) {
            worker.closed(reason);
            master.closed(this, reason);
        }
    }

    @Override
    public void close() {
        close("the worker closed the channel");
    }

    @Override
    public String remoteAddress() {
        return "in-process";
    }
}
