package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.TemplateContext;

import java.util.SplittableRandom;

/** A template context with fixed built-ins, settable slots and a seeded random source. */
public final class FixedContext implements TemplateContext {

    private final long userId;
    private final int workerIndex;
    private final long iteration;
    private final String[] slots;
    private final SplittableRandom random;
    /** The current row of each data source, by source index; null when none is held. */
    private String[][] data = new String[0][];

    public FixedContext(long userId, int workerIndex, long iteration, long seed, String... slots) {
        this.userId = userId;
        this.workerIndex = workerIndex;
        this.iteration = iteration;
        this.slots = slots.clone();
        this.random = new SplittableRandom(seed);
    }

    public static FixedContext user(long userId, String... slots) {
        return new FixedContext(userId, 0, 0, 42, slots);
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public int workerIndex() {
        return workerIndex;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public String slot(int slot) {
        return slots[slot];
    }

    /** Makes {@code row} the user's current row of data source {@code source}. */
    public FixedContext withRow(int source, String... row) {
        if (source >= data.length) data = java.util.Arrays.copyOf(data, source + 1);
        data[source] = row.clone();
        return this;
    }

    @Override
    public String data(int source, int column) {
        return source < data.length && data[source] != null ? data[source][column] : null;
    }

    @Override
    public SplittableRandom random() {
        return random;
    }
}
