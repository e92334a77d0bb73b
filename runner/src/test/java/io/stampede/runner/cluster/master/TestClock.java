package io.stampede.runner.cluster.master;

/** Time that moves only when a test says so. */
final class TestClock implements MasterClock {

    private long nanos = 1_000_000_000L;
    private long epochMillis = 1_700_000_000_000L;

    @Override
    public long nanos() {
        return nanos;
    }

    @Override
    public long epochMillis() {
        return epochMillis;
    }

    void advanceMillis(long millis) {
        nanos += millis * 1_000_000;
        epochMillis += millis;
    }
}
