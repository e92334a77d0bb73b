package io.stampede.runner.hooks;

import io.stampede.runner.scenario.TemplateContext;

import java.util.SplittableRandom;

/**
 * What setup and teardown templates read: userId 0, workerIndex 0, iteration 0 and their slots (the setup values,
 * then teardown's own). Threading: confined to the thread that runs the steps.
 */
final class LifecycleContext implements TemplateContext {

    private final String[] slots;
    private final SplittableRandom random = new SplittableRandom();

    LifecycleContext(String[] slots) {
        this.slots = slots;
    }

    @Override
    public long userId() {
        return 0;
    }

    @Override
    public int workerIndex() {
        return 0;
    }

    @Override
    public long iteration() {
        return 0;
    }

    @Override
    public String slot(int slot) {
        return slots[slot];
    }

    /** Setup and teardown hold no spec.data row: their templates cannot name one (a load-time error). */
    @Override
    public String data(int source, int column) {
        return null;
    }

    void set(int slot, String value) {
        slots[slot] = value;
    }

    @Override
    public SplittableRandom random() {
        return random;
    }
}
