package io.stampede.runner.report;

import io.stampede.runner.stats.ArrivalCounts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code arrivals} section of the JSON summary and of the live view's document, open model only:
 * {@code scheduled = started + dropped}; {@code droppedRate} = dropped / scheduled (0..1, 6 decimals); {@code late}
 * started more than {@value ArrivalCounts#LATE_MILLIS} ms after their scheduled time.
 *
 * <p>A pure function of the counts.
 */
public final class ArrivalsSection {

    public static final String NAME = "arrivals";

    private ArrivalsSection() {
    }

    public static Map<String, Object> of(ArrivalCounts arrivals) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("scheduled", arrivals.scheduled());
        section.put("started", arrivals.started());
        section.put("dropped", arrivals.dropped());
        section.put("droppedRate", Math.round(arrivals.droppedRate() * 1e6) / 1e6);
        section.put("late", arrivals.late());
        return section;
    }
}
