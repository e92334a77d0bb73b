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
 * a second back below. Needed: {@value #MIN_SPIKES} spikes that beat regularly ({@link #beat}). Five, not three:
 * a healthy run on a busy machine has stray stalls, and three of them fall at nearly even gaps by chance often
 * enough to be seen (a 10-minute synthetic run did). For the same reason a stray spike between two beats is skipped,
 * not taken to break the rhythm: on a busy machine the load generator's own stalls add such spikes to a real
 * sawtooth. Seconds within {@value #SETTLE_SECONDS} s after a change of users are not
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
    static final int BEATS_PER_STRAY = 4;
    static final int LEADING_STRAYS = 2;

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
        List<Spike> spikes = new ArrayList<>();
        for (int i = 0; i < latency.length; i++) {
            if (!high[i] || i > 0 && high[i - 1]) continue;
            int end = i;
            double peak = 0;
            while (end < latency.length && high[end]) peak = Math.max(peak, latency[end++]);
            if (end == latency.length || end - i > MAX_SPIKE_SECONDS) continue; // not recovered
            spikes.add(new Spike(judged.get(i), peak, local[i], end - i));
        }
        long[] starts = spikes.stream().mapToLong(spike -> spike.start().elapsedMillis() / 1000).toArray();
        Optional<Beat> found = beat(starts);
        if (found.isEmpty()) return Optional.empty();
        List<Spike> beats = found.get().spikes().stream().map(spikes::get).toList();
        Second first = beats.get(0).start();
        String text = (p99 ? "p99" : "p95") + " spikes to "
                + StoryText.ms(Robust.median(beats.stream().mapToDouble(Spike::peakMs).toArray())) + " (from "
                + StoryText.ms(Robust.median(beats.stream().mapToDouble(Spike::normalMs).toArray())) + ") every "
                + StoryText.round(found.get().period()) + " s, each recovering within "
                + beats.stream().mapToInt(Spike::seconds).max().orElseThrow() + " s (" + beats.size()
                + " times from " + StoryText.elapsed(first.elapsedMillis()) + ")";
        return Optional.of(new StoryEntry(Pattern.SAWTOOTH, null, first.point(), text));
    }

    /** A run of high seconds that recovered: its first second, highest latency, the local median, its length. */
    private record Spike(Second start, double peakMs, double normalMs, int seconds) {
    }

    /** Spikes (indexes into the detected ones) that beat at {@code period} seconds. */
    record Beat(List<Integer> spikes, double period) {
    }

    /**
     * The regular beat among spikes starting at {@code seconds} (whole seconds, ascending), if there is one: at least
     * {@value #MIN_SPIKES} spikes, each one period after the one before, give or take a tenth of the period or a
     * second, the period being the median gap between all spikes. A spike sooner than that is a stray (a stall of the
     * machine, not of the rhythm) and is skipped, up to one per {@value #BEATS_PER_STRAY} beats, and up to
     * {@value #LEADING_STRAYS} before the first beat; a gap longer than that ends the beat (a missed beat or a new
     * rhythm is no sawtooth). A tenth, not more: with strays allowed, a wider window let the random stalls of
     * healthy synthetic runs line up (1 run in 600 at a fifth; none in 1,200 at a tenth). The beat's period is the
     * median of its own gaps. Pure.
     */
    static Optional<Beat> beat(long[] seconds) {
        if (seconds.length < MIN_SPIKES) return Optional.empty();
        double[] gaps = new double[seconds.length - 1];
        for (int k = 1; k < seconds.length; k++) gaps[k - 1] = seconds[k] - seconds[k - 1];
        double period = Robust.median(gaps);
        List<Integer> best = List.of();
        for (int first = 0; first <= LEADING_STRAYS && first < seconds.length; first++) {
            List<Integer> beats = walk(seconds, first, period);
            if (beats.size() > best.size()) best = beats;
        }
        if (best.size() < MIN_SPIKES) return Optional.empty();
        double[] beatGaps = new double[best.size() - 1];
        for (int k = 1; k < best.size(); k++) beatGaps[k - 1] = seconds[best.get(k)] - seconds[best.get(k - 1)];
        return Optional.of(new Beat(best, Robust.median(beatGaps)));
    }

    /** The beats from spike {@code first} on at {@code period}; empty when the walk breaks or has too many strays. */
    private static List<Integer> walk(long[] seconds, int first, double period) {
        double tolerance = Math.max(1, period / 10);
        List<Integer> beats = new ArrayList<>(List.of(first));
        int strays = 0;
        for (int k = first + 1; k < seconds.length; k++) {
            long gap = seconds[k] - seconds[beats.get(beats.size() - 1)];
            if (Math.abs(gap - period) <= tolerance) {
                beats.add(k);
            } else if (gap < period) {
                strays++;
            } else {
                return List.of();
            }
        }
        return strays * BEATS_PER_STRAY <= beats.size() ? List.copyOf(beats) : List.of();
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
}
