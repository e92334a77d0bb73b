package io.stampede.runner.analysis.story;

/**
 * Where and when a pattern showed: the contract's {@code at: {elapsed: 7m10s, users: 380}}.
 *
 * @param elapsedMillis since the start of the run, at the start of the second it showed in (a whole second)
 * @param users         users running at the end of that second
 */
public record StoryPoint(long elapsedMillis, int users) {
}
