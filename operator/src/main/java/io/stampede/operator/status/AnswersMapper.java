package io.stampede.operator.status;

import io.stampede.operator.api.CapacityStatus;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.StoryStatus;
import io.stampede.runner.doc.CapacityDocument;
import io.stampede.runner.doc.StoryDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies a finished run's answers into the status: {@code capacity} (a stress run's highest held and first broken
 * step, and its sentence) and {@code story} (the first {@link StoryStatus#MAX_ENTRIES} patterns and the verdict).
 * The per-step table stays in the report. A pure function.
 */
public final class AnswersMapper {

    private AnswersMapper() {
    }

    /** @param capacity null for a run that is not a stress run; @param story null when the master sent none */
    public static void apply(LoadTestStatus status, CapacityDocument capacity, StoryDocument story) {
        status.setCapacity(capacity == null ? null : capacity(capacity));
        status.setStory(story == null ? null : story(story));
    }

    private static CapacityStatus capacity(CapacityDocument document) {
        CapacityStatus capacity = new CapacityStatus();
        if (document.held() != null) {
            CapacityStatus.Step held = step(document.held().step(), document.held().users(), document.held().rps());
            held.setP95Ms(document.held().p95Ms());
            capacity.setHeld(held);
        }
        if (document.broke() != null) {
            CapacityStatus.Step broke = step(document.broke().step(), document.broke().users(), document.broke().rps());
            broke.setBreached(new ArrayList<>(document.broke().breached()));
            capacity.setBroke(broke);
        }
        capacity.setText(document.text());
        return capacity;
    }

    private static CapacityStatus.Step step(int number, int users, double rps) {
        CapacityStatus.Step step = new CapacityStatus.Step();
        step.setStep(number);
        step.setUsers(users);
        step.setRps(rps);
        return step;
    }

    private static StoryStatus story(StoryDocument document) {
        StoryStatus story = new StoryStatus();
        story.setVerdict(document.verdict());
        story.setNotEnoughData(document.notEnoughData());
        List<StoryStatus.Entry> entries = new ArrayList<>();
        for (StoryDocument.Entry source : document.entries()) {
            if (entries.size() == StoryStatus.MAX_ENTRIES) break;
            StoryStatus.Entry entry = new StoryStatus.Entry();
            entry.setPattern(source.pattern());
            entry.setRow(source.row());
            if (source.at() != null) {
                entry.setElapsed(source.at().elapsed());
                entry.setUsers(source.at().users());
            }
            entry.setText(source.text());
            entries.add(entry);
        }
        story.setEntries(entries);
        if (document.entries().size() > StoryStatus.MAX_ENTRIES) {
            story.setOmittedEntries(document.entries().size() - StoryStatus.MAX_ENTRIES);
        }
        return story;
    }
}
