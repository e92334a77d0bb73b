package io.stampede.runner.cluster.master;

import io.stampede.runner.cluster.protocol.WorkerMessage;

/**
 * Where transports hand what arrives from workers. Every call is queued onto the master's own thread, in order,
 * so a transport may call from its I/O threads and never waits.
 */
public interface MasterEndpoint {

    /** A worker's channel opened (the token was already checked). */
    void connected(WorkerConnection connection);

    void received(WorkerConnection connection, WorkerMessage message);

    /** The channel closed, from either side, or broke (a frame that is not of this protocol). */
    void closed(WorkerConnection connection, String reason);
}
