package io.stampede.runner.engine;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.TimeUnit;

/**
 * The event loops that carry the users: Netty's native epoll loops where available (fewer system calls per
 * request), NIO elsewhere. Plain Netty rather than Vert.x: the engine needs nothing else, and creating a Vert.x
 * instance (event bus, file resolver, DNS resolver, worker pools) costs a one-core start about a quarter of a second.
 *
 * <p>Threads are daemon {@code FastThreadLocalThread}s named {@code stampede-loop-N}, as Netty's pooled buffers
 * expect. The caller owns the group and closes it.
 */
public final class EventLoops implements AutoCloseable {

    private static final long QUIET_PERIOD_MILLIS = 0;
    private static final long CLOSE_TIMEOUT_MILLIS = 2000;

    private final EventLoopGroup group;

    private EventLoops(EventLoopGroup group) {
        this.group = group;
    }

    /** @param threads loops to create, >= 1 (one per core is right for most runs) */
    public static EventLoops create(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        DefaultThreadFactory factory = new DefaultThreadFactory("stampede-loop", true);
        return new EventLoops(Epoll.isAvailable() ? new EpollEventLoopGroup(threads, factory)
                : new NioEventLoopGroup(threads, factory));
    }

    /** One loop per CPU this process may use. */
    public static EventLoops perCore() {
        return create(Runtime.getRuntime().availableProcessors());
    }

    public EventLoopGroup group() {
        return group;
    }

    /** Stops the loops: tasks already queued run, then the threads end (waits at most two seconds). */
    @Override
    public void close() {
        group.shutdownGracefully(QUIET_PERIOD_MILLIS, CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(CLOSE_TIMEOUT_MILLIS);
    }
}
