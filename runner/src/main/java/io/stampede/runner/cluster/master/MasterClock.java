package io.stampede.runner.cluster.master;

/** The master's time: a monotonic clock for timeouts and a wall clock for reports. Tests advance their own. */
public interface MasterClock {

    MasterClock SYSTEM = new MasterClock() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public long epochMillis() {
            return System.currentTimeMillis();
        }
    };

    /** Monotonic, in nanoseconds, for durations only. */
    long nanos();

    /** Wall-clock time, in milliseconds since the epoch. */
    long epochMillis();
}
