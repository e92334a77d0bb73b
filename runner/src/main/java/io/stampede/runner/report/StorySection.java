package io.stampede.runner.report;

import io.stampede.runner.analysis.story.Story;
import io.stampede.runner.analysis.story.StoryEntry;
import io.stampede.runner.doc.StoryDocument;
import io.stampede.runner.stats.HumanFormat;

/** The story of a run as the summary's {@code story} section ({@link StoryDocument} shows the JSON). Pure. */
public final class StorySection {

    private StorySection() {
    }

    public static StoryDocument of(Story story) {
        return new StoryDocument(story.entries().stream().map(StorySection::entry).toList(),
                story.verdict() == null ? null : story.verdict().contractName(), story.notEnoughData());
    }

    private static StoryDocument.Entry entry(StoryEntry entry) {
        StoryDocument.At at = entry.at() == null ? null
                : new StoryDocument.At(elapsed(entry.at().elapsedMillis()), entry.at().elapsedMillis() / 1000,
                entry.at().users());
        return new StoryDocument.Entry(entry.pattern().contractName(), entry.row(), at, entry.text());
    }

    /** {@code 7m10s}, {@code 45s}, {@code 0s}. */
    static String elapsed(long millis) {
        return millis <= 0 ? "0s" : HumanFormat.millis(millis / 1000 * 1000);
    }
}
