package io.stampede.runner.cluster.master;

import io.stampede.runner.cluster.protocol.MasterMessage;

/**
 * The master's end of one worker's channel (a WebSocket, or a link to an in-process worker).
 *
 * <p>Threading: both methods may be called from any thread and never block; messages are delivered in order.
 */
public interface WorkerConnection {

    void send(MasterMessage message);

    /** Closes the channel; the worker notices and stops by itself. Idempotent. */
    void close(String reason);

    /** Where the worker connects from, for people ({@code 10.0.0.7:51234}, {@code in-process}). */
    String remoteAddress();
}
