package io.stampede.plugin;

import java.util.SplittableRandom;

/**
 * The virtual user a call is made for. Valid only during the call (do not keep it); confined to the user's event
 * loop.
 */
public interface UserContext {

    /** 1-based id of the virtual user, unique within a worker's run. */
    long userId();

    /** 0-based index of the worker running this user (0 locally). */
    int workerIndex();

    /** 0-based count of tasks this user has started. */
    long iteration();

    /** The user's own random source (no contention between loops). */
    SplittableRandom random();
}
