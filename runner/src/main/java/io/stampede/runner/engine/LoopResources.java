package io.stampede.runner.engine;

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

    LoopResources(EventLoop eventLoop, StatsRecorder recorder, ConnectionFactory connections, RequestEncoder encoder) {
        this(eventLoop, recorder, connections, encoder, DataFeeds.NONE);
    }

    LoopResources(EventLoop eventLoop, StatsRecorder recorder, ConnectionFactory connections, RequestEncoder encoder,
                  DataFeeds data) {
        this.data = data;
        this.eventLoop = eventLoop;
        this.recorder = recorder;
        this.connections = connections;
        this.encoder = encoder;
    }
}
