package io.stampede.runner.scenario;

import io.stampede.plugin.UserContext;

import java.util.SplittableRandom;

/**
 * What a template can read while rendering: one virtual user's built-ins and extracted values. Plugins see it as
 * its {@link UserContext}.
 * Threading: confined to the user's event loop.
 */
public interface TemplateContext extends UserContext {

    /** 1-based id of the virtual user, unique within a worker's run. */
    long userId();

    /** 0-based index of the worker running this user (0 locally). */
    int workerIndex();

    /** 0-based count of tasks this user has started. */
    long iteration();

    /**
     * The value extracted into the given slot (see {@link UserClassPlan#slotNames()}), or null when nothing was
     * extracted yet.
     */
    String slot(int slot);

    /**
     * The value of {@code column} in the user's current row of data source {@code source} (indexes as in
     * {@link Scenario#data()}), or null when the user holds no row of it.
     */
    String data(int source, int column);

    /** The user's own random source (no contention between loops). */
    SplittableRandom random();
}
