package io.stampede.runner.cluster.worker;

import io.stampede.runner.cluster.protocol.WorkerMessage;

/**
 * The worker's end of its channel to the master. Threading: both methods may be called from any thread and
 * never block; messages are delivered in order.
 */
public interface MasterLink {

    void send(WorkerMessage message);

    /** Closes the channel. Idempotent. */
    void close();
}
