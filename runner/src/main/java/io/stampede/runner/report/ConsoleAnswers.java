package io.stampede.runner.report;

import io.stampede.runner.doc.CapacityDocument;
import io.stampede.runner.doc.StoryDocument;

/**
 * The console's final block after the table: a stress run's capacity (the contract's sentence), then the story of
 * the run with its verdict. Pure.
 * <pre>
 * Capacity: holds 350 users / 117 RPS with p95 &lt; 450ms; broke at 400 users (p95 820ms)
 * Story (catastrophic):
 *   cliff at 7m10s, 380 users: p95 fine (40-60 ms) up to 360 users, then 900 ms+ at 380 users
 * </pre>
 */
public final class ConsoleAnswers {

    private ConsoleAnswers() {
    }

    /** @param capacity null for a run that is not a stress run */
    public static String of(CapacityDocument capacity, StoryDocument story) {
        StringBuilder text = new StringBuilder();
        if (capacity != null) {
            text.append("Capacity: ").append(capacity.text()).append('\n');
        }
        if (story.notEnoughData() != null) {
            return text.append("Story: ").append(story.notEnoughData()).toString();
        }
        text.append("Story (").append(story.verdict()).append("):");
        for (StoryDocument.Entry entry : story.entries()) {
            text.append("\n  ").append(entry.pattern());
            if (entry.row() != null) text.append(" (").append(entry.row()).append(')');
            if (entry.at() != null) {
                text.append(" at ").append(entry.at().elapsed()).append(", ").append(entry.at().users())
                        .append(entry.at().users() == 1 ? " user" : " users");
            }
            text.append(": ").append(entry.text());
        }
        return text.toString();
    }
}
