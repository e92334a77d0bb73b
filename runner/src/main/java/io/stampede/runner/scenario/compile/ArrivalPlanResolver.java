package io.stampede.runner.scenario.compile;

import io.stampede.runner.load.ArrivalRatePlan;
import io.stampede.runner.load.ArrivalRatePlan.Segment;
import io.stampede.runner.model.LoadBinder;
import io.stampede.runner.model.Problems;
import io.stampede.runner.model.spec.ArrivalRateSpec;
import io.stampede.runner.model.spec.ArrivalRateSpec.RateStageSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code spec.load.arrivalRate} and the flags into an {@link ArrivalRatePlan}. Rates are converted to
 * arrivals per second ({@code rate / per}). {@code --rate} replaces the rate (and stages, with that constant rate
 * over their total duration), {@code --duration} the duration (stages become their peak rate held that long),
 * {@code --max-users} maxUsers. The closed model's {@code --users} and {@code --spawn-rate} do not apply.
 */
final class ArrivalPlanResolver {

    private static final String PATH = "spec.load.arrivalRate";
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*([sm]))?");

    private ArrivalPlanResolver() {
    }

    /** @return the plan, or null when something was reported */
    static ArrivalRatePlan resolve(ArrivalRateSpec spec, Overrides overrides, Duration flagDuration,
                                   Problems problems) {
        int before = problems.count();
        if (overrides.users() != null) {
            problems.add(Overrides.USERS, "does not apply to " + PATH + " (the open model): use "
                    + Overrides.MAX_USERS + " for the most users busy at once, or " + Overrides.RATE);
        }
        if (overrides.spawnRate() != null) {
            problems.add(Overrides.SPAWN_RATE, "does not apply to " + PATH + " (the open model): arrivals start "
                    + "users as they come; use " + Overrides.RATE);
        }
        Double flagRate = rate(overrides.rate(), problems);
        Integer maxUsers = spec.maxUsers();
        if (overrides.maxUsers() != null) {
            maxUsers = maxUsers(overrides.maxUsers(), problems);
        }
        if (problems.count() > before || maxUsers == null) {
            return null;
        }
        double perSeconds = spec.per().toNanos() / 1e9;
        List<Segment> segments = new ArrayList<>();
        if (spec.stages().isEmpty() || flagRate != null || flagDuration != null) {
            double perSecond = flagRate != null ? flagRate
                    : spec.rate() != null ? spec.rate() / perSeconds : peakRate(spec) / perSeconds;
            long durationMillis = flagDuration != null ? flagDuration.toMillis()
                    : spec.duration() != null ? spec.duration().toMillis() : totalMillis(spec);
            segments.add(new Segment(durationMillis, perSecond, perSecond));
        } else {
            double from = 0;
            for (RateStageSpec stage : spec.stages()) {
                double to = stage.rate() / perSeconds;
                segments.add(new Segment(stage.duration().toMillis(), from, to));
                from = to;
            }
        }
        return new ArrivalRatePlan(segments, maxUsers);
    }

    private static double peakRate(ArrivalRateSpec spec) {
        return spec.stages().stream().mapToDouble(RateStageSpec::rate).max().orElseThrow();
    }

    private static long totalMillis(ArrivalRateSpec spec) {
        return spec.stages().stream().mapToLong(stage -> stage.duration().toMillis()).sum();
    }

    /** {@code 200}, {@code 200/s} or {@code 30/m} as arrivals per second; null when absent or reported. */
    static Double rate(String text, Problems problems) {
        if (text == null) {
            return null;
        }
        Matcher matcher = RATE.matcher(text.trim());
        if (!matcher.matches()) {
            problems.add(Overrides.RATE, "expected arrivals such as 200, 200/s or 30/m, got '" + text + "'");
            return null;
        }
        double value = Double.parseDouble(matcher.group(1));
        double perSecond = "m".equals(matcher.group(2)) ? value / 60 : value;
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            problems.add(Overrides.RATE, "must be greater than 0, got '" + text + "'");
            return null;
        }
        return perSecond;
    }

    private static Integer maxUsers(int maxUsers, Problems problems) {
        if (maxUsers < 1) {
            problems.add(Overrides.MAX_USERS, "must be at least 1, got " + maxUsers);
            return null;
        }
        if (maxUsers > LoadBinder.MAX_USERS) {
            problems.add(Overrides.MAX_USERS, LoadBinder.tooMany(maxUsers));
            return null;
        }
        return maxUsers;
    }
}
