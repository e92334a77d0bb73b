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

    @Override
    public SplittableRandom random() {
        return random;
    }
}
