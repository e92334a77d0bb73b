package io.stampede.runner.engine;

import io.stampede.runner.events.RequestEventBuffer;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import io.stampede.runner.engine.http.ConnectionFactory;
import io.stampede.runner.engine.http.RequestEncoder;
import io.stampede.runner.stats.StatsRecorder;

/**
 * What a virtual user borrows from the event loop it runs on: the loop, its stats recorder, connection factory,
 * request encoder and buffer allocator. A user sees only this, never the {@link LoopWorker} that owns it, so the
 * owner depends on its users and not the other way round.
 *
 * <p>Threading: everything here is confined to {@link #eventLoop} (the recorder has that loop as its single
 * writer); other threads reach it only by posting tasks.
 */
final class LoopResources {

    final EventLoop eventLoop;
    final StatsRecorder recorder;
    final ConnectionFactory connections;
    final RequestEncoder encoder;
    final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    /** The run's data rows: shared by all loops (thread safe), the one thing here that is not loop-confined. */
    final DataFeeds data;
    /** Per-request events for {@code --events-per request}, or null. */
    final RequestEventBuffer events;

    LoopResources(EventLoop eventLoop, StatsRecorder recorder, ConnectionFactory connections, RequestEncoder encoder) {
        this(eventLoop, recorder, connections, encoder, DataFeeds.NONE, null);
    }

    LoopResources(EventLoop eventLoop, StatsRecorder recorder, ConnectionFactory connections, RequestEncoder encoder,
                  DataFeeds data, RequestEventBuffer events) {
        this.data = data;
        this.events = events;
        this.eventLoop = eventLoop;
        this.recorder = recorder;
        this.connections = connections;
        this.encoder = encoder;
    }

    /** Counts a success (or a renewal trigger) in its row, and as an event when they are asked for. */
    void recordSuccess(int row, long latencyMicros, long contentBytes, int status) {
        recorder.recordSuccess(row, latencyMicros, contentBytes);
        if (events != null) events.add(row, status, latencyMicros, null);
    }

    /** Counts a failure in its row, and as an event; status 0 when no response came. */
    void recordFailure(int row, long latencyMicros, long contentBytes, String cause, int status) {
        recorder.recordFailure(row, latencyMicros, contentBytes, cause);
        if (events != null) events.add(row, status, latencyMicros, cause);
    }
}
