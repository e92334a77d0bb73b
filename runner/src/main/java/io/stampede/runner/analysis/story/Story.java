package io.stampede.runner.analysis.story;

import java.util.List;

/**
 * What a run's history says happened: the contract's {@code story}.
 *
 * @param entries       at most {@value #MAX_ENTRIES}, the most severe first; empty when there was not enough data
 * @param verdict       null when there was not enough data
 * @param notEnoughData why no story could be told (e.g. {@code not enough data: 12 s with requests, the story needs
 *                      20 s}), or null when there is one
 */
public record Story(List<StoryEntry> entries, Verdict verdict, String notEnoughData) {

    public static final int MAX_ENTRIES = 5;

    public Story {
        entries = List.copyOf(entries);
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " entries, got " + entries.size());
        }
        if ((notEnoughData == null) == (verdict == null) || notEnoughData != null && !entries.isEmpty()) {
            throw new IllegalArgumentException("a story has entries and a verdict, or says why it has none");
        }
    }

    static Story notEnoughData(String reason) {
        return new Story(List.of(), null, "not enough data: " + reason);
    }

    public boolean told() {
        return notEnoughData == null;
    }

    /** Whether some entry names this pattern. */
    public boolean names(Pattern pattern) {
        return entries.stream().anyMatch(entry -> entry.pattern() == pattern);
    }
}
