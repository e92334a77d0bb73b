package io.stampede.runner.engine.health;

import io.stampede.runner.plugin.PluginCalls;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Names a plugin that blocks an event loop: every {@link #check} looks at the plugin calls in progress
 * ({@link PluginCalls}) and reports, once per call, one that has run longer than {@link #NOTICE_AFTER_MILLIS}. A
 * plugin's call-time methods must never block (their contract); meanwhile every user on that loop sends nothing.
 *
 * <p>Threading: {@link #check} on one thread (the engine's control thread).
 */
public final class PluginWatchdog {

    /** A call longer than this is reported, ms; a healthy call takes microseconds. */
    public static final long NOTICE_AFTER_MILLIS = 500;

    private final Consumer<String> notices;
    private final Set<String> reported = new HashSet<>();

    /** @param notices lines for people, such as the console's error stream */
    public PluginWatchdog(Consumer<String> notices) {
        this.notices = notices;
    }

    /** Reports the calls blocked past the limit that were not reported yet. */
    public void check() {
        for (PluginCalls.Blocked blocked : PluginCalls.blocked(TimeUnit.MILLISECONDS.toNanos(NOTICE_AFTER_MILLIS))) {
            if (reported.add(blocked.thread() + "@" + blocked.sinceNanos())) {
                notices.accept(text(blocked));
            }
        }
    }

    /** The plugin a thread is blocked in right now (past the limit), or null. */
    public static String blockingPlugin(String thread) {
        for (PluginCalls.Blocked blocked : PluginCalls.blocked(TimeUnit.MILLISECONDS.toNanos(NOTICE_AFTER_MILLIS))) {
            if (blocked.thread().equals(thread)) {
                return blocked.extension();
            }
        }
        return null;
    }

    static String text(PluginCalls.Blocked blocked) {
        return "plugin " + blocked.extension() + " has blocked event loop " + blocked.thread() + " for "
                + TimeUnit.NANOSECONDS.toMillis(blocked.forNanos()) + " ms: a plugin must never block (its users "
                + "send nothing meanwhile; see docs/extending.md)";
    }
}
