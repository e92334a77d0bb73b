package io.stampede.runner.analysis.story;

/**
 * One second of one row (or of the aggregate), as the detectors read it.
 *
 * @param elapsedMillis start of the second since the start of the run
 * @param users         users at the end of the second
 * @param requests      requests completed in this second
 * @param failures      failures among them
 * @param p95Ms         this second's own p95 in ms; NaN without requests
 * @param p99Ms         this second's own p99 in ms; NaN without requests
 */
record Second(long elapsedMillis, int users, long requests, long failures, double p95Ms, double p99Ms) {

    boolean hasLatency() {
        return requests > 0;
    }

    StoryPoint point() {
        return new StoryPoint(elapsedMillis, users);
    }
}
