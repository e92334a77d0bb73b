package io.stampede.runner.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which plugin each thread is calling right now, so that a watchdog can name a plugin that blocks an event loop
 * (see {@code engine.health.PluginWatchdog}). Each thread has one {@link Slot}, made on its first plugin call and
 * kept for the process's life (event loops are few and long-lived).
 *
 * <p>Cost per call: a {@link ThreadLocal} read and two volatile writes in, one out; no allocation after the
 * thread's first call. Threading: {@link #enter} and {@link Slot#exit} on the calling thread, {@link #blocked} from
 * any thread.
 */
public final class PluginCalls {

    private static final Set<Slot> SLOTS = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<Slot> CURRENT = ThreadLocal.withInitial(() -> {
        Slot slot = new Slot(Thread.currentThread());
        SLOTS.add(slot);
        return slot;
    });

    private PluginCalls() {
    }

    /** A call of the named extension begins on this thread; end it with {@link Slot#exit()} (in a finally). */
    public static Slot enter(String extension) {
        Slot slot = CURRENT.get();
        slot.sinceNanos = System.nanoTime();
        slot.extension = extension;
        return slot;
    }

    /** The calls in progress for longer than {@code nanos}, on any thread. */
    public static List<Blocked> blocked(long nanos) {
        long now = System.nanoTime();
        List<Blocked> blocked = new ArrayList<>();
        for (Slot slot : SLOTS) {
            String extension = slot.extension;
            long since = slot.sinceNanos;
            if (extension != null && now - since > nanos) {
                blocked.add(new Blocked(extension, slot.thread.getName(), since, now - since));
            }
        }
        return blocked;
    }

    /** A call in progress: its extension, the thread, when it began ({@link System#nanoTime()}), for how long. */
    public record Blocked(String extension, String thread, long sinceNanos, long forNanos) {
    }

    /** One thread's call in progress, if any. */
    public static final class Slot {

        private final Thread thread;
        private volatile String extension;
        private volatile long sinceNanos;

        private Slot(Thread thread) {
            this.thread = thread;
        }

        /** The call ended (returned or threw). */
        public void exit() {
            extension = null;
        }
    }
}
