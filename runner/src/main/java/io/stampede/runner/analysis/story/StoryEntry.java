package io.stampede.runner.analysis.story;

/**
 * One named pattern of a run.
 *
 * @param pattern what happened
 * @param row     the stats row it concerns ({@code GET /api/search}), or null for the aggregate
 * @param at      where and when it started; null for {@link Pattern#STABLE}
 * @param text    one sentence with the numbers, e.g.
 *                {@code p95 fine (40-60 ms) up to 360 users, then 900 ms+ at 380 users}; at most
 *                {@value #MAX_TEXT_LENGTH} characters (it goes into a cluster status)
 */
public record StoryEntry(Pattern pattern, String row, StoryPoint at, String text) {

    public static final int MAX_TEXT_LENGTH = 200;

    public StoryEntry {
        if (pattern == null || text == null) {
            throw new IllegalArgumentException("pattern and text are required");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            text = text.substring(0, MAX_TEXT_LENGTH - 3) + "...";
        }
    }
}
