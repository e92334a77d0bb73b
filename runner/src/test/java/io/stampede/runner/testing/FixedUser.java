package io.stampede.runner.testing;

import io.stampede.runner.scenario.TemplateContext;

import java.util.SplittableRandom;

/**
 * A virtual user as templates and signers see it, for tests that render or encode without an engine: a fixed id on
 * worker 0, in its first iteration, with nothing extracted, no data row and a seeded random source.
 */
public final class FixedUser implements TemplateContext {

    private final long userId;

    private FixedUser(long userId) {
        this.userId = userId;
    }

    /** @param userId the user's 1-based id, as {@code ${userId}} renders it */
    public static TemplateContext withId(long userId) {
        return new FixedUser(userId);
    }

    @Override
    public long userId() {
        return userId;
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
        return null;
    }

    @Override
    public String data(int source, int column) {
        return null;
    }

    @Override
    public SplittableRandom random() {
        return new SplittableRandom(1);
    }
}
