package io.stampede.runner.analysis.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link Pattern#SAWTOOTH}: short latency spikes that recover, at a regular period: a garbage collector, a cache
 * that expires all at once, a cron job, a checkpoint.
 *
 * <p>A spike is a run of at most {@value #MAX_SPIKE_SECONDS} seconds whose latency is at least {@value #FACTOR}
 * times, and {@value #FLOOR_MS} ms above, the median of the {@value #LOCAL_SECONDS} seconds around it, followed by
 * a second back below. Needed: {@value #MIN_SPIKES} spikes whose gaps are regular (each within a fifth of the
 * median gap, or a second, of it). Five, not three: a healthy run on a busy machine has stray stalls, and three
 * of them fall at nearly even gaps by chance often enough to be seen (a 10-minute synthetic run did). Seconds within {@value #SETTLE_SECONDS} s after a change of users are not
 * judged: starting users opens connections, and a stepped load would otherwise look periodic.
 *
 * <p>The metric: p99 when the run's median second had at least {@value #P99_MIN_REQUESTS} requests (a short pause
 * at high throughput touches a few percent of a second's requests), else p95; seconds with fewer than
 * {@value #MIN_REQUESTS} requests are not judged.
 */
final class SawtoothDetector {

    static final double FACTOR = 3;
    static final double FLOOR_MS = 50;
    static final int LOCAL_SECONDS = 31;
    static final int MAX_SPIKE_SECONDS = 5;
    static final int MIN_SPIKES = 5;
    static final int SETTLE_SECONDS = 5;
    static final int P99_MIN_REQUESTS = 100;
    static final int MIN_REQUESTS = 5;

    private SawtoothDetector() {
    }

    static Optional<StoryEntry> detect(Series aggregate) {
        List<Second> judged = judged(aggregate.seconds());
        if (judged.size() < LOCAL_SECONDS) return Optional.empty();
        boolean p99 = Robust.median(Series.values(judged, Second::requests)) >= P99_MIN_REQUESTS;
        double[] latency = Series.values(judged, p99 ? Second::p99Ms : Second::p95Ms);
        boolean[] high = new boolean[latency.length];
        double[] local = new double[latency.length];
        for (int i = 0; i < latency.length; i++) {
            int from = Math.max(0, i - LOCAL_SECONDS / 2);
            int to = Math.min(latency.length, i + LOCAL_SECONDS / 2 + 1);
            local[i] = Robust.median(Arrays.copyOfRange(latency, from, to));
            high[i] = latency[i] >= Math.max(FACTOR * local[i], local[i] + FLOOR_MS);
        }
        List<Integer> starts = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        List<Double> normals = new ArrayList<>();
        int longest = 0;
        for (int i = 0; i < latency.length; i++) {
            if (!high[i] || i > 0 && high[i - 1]) continue;
            int end = i;
            double peak = 0;
            while (end < latency.length && high[end]) peak = Math.max(peak, latency[end++]);
            if (end == latency.length || end - i > MAX_SPIKE_SECONDS) continue; // not recovered
            starts.add(i);
            peaks.add(peak);
            normals.add(local[i]);
            longest = Math.max(longest, end - i);
        }
        if (starts.size() < MIN_SPIKES) return Optional.empty();
        double[] gaps = new double[starts.size() - 1];
        for (int k = 1; k < starts.size(); k++) {
            gaps[k - 1] = (judged.get(starts.get(k)).elapsedMillis() - judged.get(starts.get(k - 1)).elapsedMillis())
                    / 1000.0;
        }
        double period = Robust.median(gaps);
        double tolerance = Math.max(1, period / 5);
        if (Arrays.stream(gaps).anyMatch(gap -> Math.abs(gap - period) > tolerance)) return Optional.empty();
        Second first = judged.get(starts.get(0));
        String text = (p99 ? "p99" : "p95") + " spikes to " + StoryText.ms(Robust.median(toArray(peaks))) + " (from "
                + StoryText.ms(Robust.median(toArray(normals))) + ") every " + StoryText.round(period)
                + " s, each recovering within " + longest + " s (" + starts.size() + " times from "
                + StoryText.elapsed(first.elapsedMillis()) + ")";
        return Optional.of(new StoryEntry(Pattern.SAWTOOTH, null, first.point(), text));
    }

    /** Seconds with enough requests, not just after a change of users. */
    private static List<Second> judged(List<Second> seconds) {
        List<Second> judged = new ArrayList<>();
        long lastChange = Long.MIN_VALUE / 2;
        for (int i = 0; i < seconds.size(); i++) {
            Second second = seconds.get(i);
            if (i > 0 && second.users() != seconds.get(i - 1).users()) lastChange = second.elapsedMillis();
            if (second.elapsedMillis() - lastChange < SETTLE_SECONDS * 1000L) continue;
            if (second.requests() >= MIN_REQUESTS) judged.add(second);
        }
        return judged;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
