package io.stampede.runner.cluster.master;

/**
 * What the master tells people as a run goes (the console). Called on the master's thread: implementations
 * return at once.
 */
public interface MasterEvents {

    MasterEvents NONE = new MasterEvents() {
    };

    /** A worker registered; {@code registered} of {@code expected} now. */
    default void workerJoined(String worker, String remoteAddress, int registered, int expected) {
    }

    /** A worker left before the run started; its place is free again. */
    default void workerLeft(String worker, String reason) {
    }

    /** A worker was turned away (it exits). */
    default void workerRefused(String remoteAddress, String reason) {
    }

    /** Every expected worker is ready: users start now. */
    default void started(int workers) {
    }

    /** A worker was lost during the run; {@code remaining} workers carry on with its users. */
    default void workerLost(LostWorker lost, int remaining) {
    }

    /** Users are stopping: the plan ended, someone stopped the run, or too few workers remain. */
    default void stopping(String reason) {
    }
}
