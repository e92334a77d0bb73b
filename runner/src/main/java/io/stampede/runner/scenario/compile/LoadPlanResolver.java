package io.stampede.runner.scenario.compile;

import io.stampede.runner.load.ConstantLoadPlan;
import io.stampede.runner.load.LoadPlan;
import io.stampede.runner.load.Stage;
import io.stampede.runner.load.StagedLoadPlan;
import io.stampede.runner.model.Durations;
import io.stampede.runner.model.LoadBinder;
import io.stampede.runner.model.Problems;
import io.stampede.runner.model.spec.LoadSpec;
import io.stampede.runner.model.spec.StageSpec;
import io.stampede.runner.model.spec.StressSpec;

import java.time.Duration;
import java.util.List;

/**
 * Turns spec.load, its preset and the command-line overrides into a {@link LoadPlan}. Precedence, lowest first:
 * the preset, the file's fields, the flags. Without stopTimeout, in-flight tasks get {@value #DEFAULT_STOP_TIMEOUT_MILLIS}
 * ms at the end: the default request timeout, so a request sent just before the end can finish or time out on
 * its own rather than be cut off.
 */
final class LoadPlanResolver {

    static final long DEFAULT_STOP_TIMEOUT_MILLIS = 30_000;
    private static final String LOAD = "spec.load";

    private LoadPlanResolver() {
    }

    /** @return the load, or null when something was reported */
    static ResolvedLoad resolve(LoadSpec load, Overrides overrides, Problems problems) {
        int before = problems.count();
        if (load.arrivalRate() != null) {
            return openModel(load, overrides, problems);
        }
        if (overrides.rate() != null || overrides.maxUsers() != null) {
            problems.add(overrides.rate() != null ? Overrides.RATE : Overrides.MAX_USERS, "applies only to "
                    + LOAD + ".arrivalRate (the open model); this file runs a number of users: use "
                    + Overrides.USERS);
        }
        Preset preset = load.stress() != null ? null : preset(load.preset(), problems);
        Integer flagUsers = flagUsers(overrides.users(), problems);
        Double flagSpawnRate = flagSpawnRate(overrides.spawnRate(), problems);
        Duration flagDuration = flagDuration(overrides.duration(), problems);
        if (problems.count() > before) {
            return null;
        }
        long stopTimeout = load.stopTimeout() == null ? DEFAULT_STOP_TIMEOUT_MILLIS : load.stopTimeout().toMillis();
        if (load.stress() != null) {
            LoadPlan stress = stress(load.stress(), firstOf(flagSpawnRate, load.spawnRate()), flagUsers, flagDuration,
                    problems);
            return stress == null ? null : new ResolvedLoad(stress, null, stopTimeout);
        }
        double spawnRate = firstOf(flagSpawnRate, load.spawnRate(),
                preset == null ? null : preset.spawnRatePerSecond(), Double.POSITIVE_INFINITY);
        LoadPlan plan = load.stages().isEmpty()
                ? constant(load, preset, flagUsers, flagDuration, spawnRate, problems)
                : staged(load.stages(), flagUsers, flagDuration, spawnRate);
        return plan == null ? null
                : new ResolvedLoad(plan, preset == null ? null : preset.waitOverride(), stopTimeout);
    }

    /**
     * A stress run ({@code load.stress}, or {@code preset: stress}): the users step up until a step breaks. The
     * flags that set a constant load have no meaning for it and are refused; {@code --spawn-rate} paces each step.
     */
    private static LoadPlan stress(StressSpec stress, Double spawnRate, Integer flagUsers, Duration flagDuration,
                                   Problems problems) {
        String why = "cannot be combined with a stress run (spec.load.stress): it steps the users itself and runs "
                + "until a step breaks or its last step ends";
        if (flagUsers != null) problems.add(Overrides.USERS, why);
        if (flagDuration != null) problems.add(Overrides.DURATION, why);
        if (flagUsers != null || flagDuration != null) return null;
        StressSpec.Steps users = stress.users();
        return Preset.stressPlan(users.start(), users.step(), users.max(), stress.every().toMillis(), spawnRate);
    }

    private static ResolvedLoad openModel(LoadSpec load, Overrides overrides, Problems problems) {
        int before = problems.count();
        Duration flagDuration = flagDuration(overrides.duration(), problems);
        if (problems.count() > before) {
            return null;
        }
        LoadPlan plan = ArrivalPlanResolver.resolve(load.arrivalRate(), overrides, flagDuration, problems);
        long stopTimeout = load.stopTimeout() == null ? DEFAULT_STOP_TIMEOUT_MILLIS : load.stopTimeout().toMillis();
        return plan == null ? null : new ResolvedLoad(plan, null, stopTimeout);
    }

    private static LoadPlan staged(List<StageSpec> stageSpecs, Integer flagUsers, Duration flagDuration,
                                   double spawnRate) {
        List<Stage> stages = stageSpecs.stream()
                .map(stage -> new Stage(stage.duration().toMillis(), stage.users()))
                .toList();
        StagedLoadPlan staged = new StagedLoadPlan(stages, spawnRate);
        if (flagUsers == null && flagDuration == null) {
            return staged;
        }
        int users = flagUsers != null ? flagUsers : staged.peakUsers();
        long durationMillis = flagDuration != null ? flagDuration.toMillis() : staged.durationMillis();
        return new ConstantLoadPlan(users, spawnRate, durationMillis);
    }

    private static LoadPlan constant(LoadSpec load, Preset preset, Integer flagUsers, Duration flagDuration,
                                     double spawnRate, Problems problems) {
        Integer users = firstOf(flagUsers, load.users(), preset == null ? null : preset.users(), null);
        Long durationMillis = firstOf(flagDuration == null ? null : flagDuration.toMillis(),
                load.duration() == null ? null : load.duration().toMillis(),
                preset == null ? null : preset.durationMillis(), null);
        if (users == null) {
            problems.add(LOAD + ".users", "is required: set users and duration, stages, or a preset such as "
                    + "smoke (or pass " + Overrides.USERS + ")");
        }
        if (durationMillis == null) {
            problems.add(LOAD + ".duration", "is required: how long the test runs, such as 2m (or pass "
                    + Overrides.DURATION + ")");
        }
        return users == null || durationMillis == null ? null
                : new ConstantLoadPlan(users, spawnRate, durationMillis);
    }

    private static Preset preset(String name, Problems problems) {
        if (name == null) {
            return null;
        }
        Preset preset = Preset.byName(name).orElse(null);
        if (preset == null) {
            problems.add(LOAD + ".preset", "unknown preset '" + name + "'; expected one of "
                    + String.join(", ", Preset.names()) + ", " + Preset.STRESS);
        }
        return preset;
    }

    private static Integer flagUsers(Integer users, Problems problems) {
        if (users != null && users > LoadBinder.MAX_USERS) {
            problems.add(Overrides.USERS, LoadBinder.tooMany(users));
            return null;
        }
        if (users != null && users < 1) {
            problems.add(Overrides.USERS, "must be at least 1, got " + users);
            return null;
        }
        return users;
    }

    private static Double flagSpawnRate(Double rate, Problems problems) {
        if (rate != null && !(rate > 0)) {
            problems.add(Overrides.SPAWN_RATE, "must be greater than 0 (users started per second), got " + rate);
            return null;
        }
        return rate;
    }

    private static Duration flagDuration(String text, Problems problems) {
        if (text == null) {
            return null;
        }
        try {
            Duration duration = Durations.parse(text);
            if (duration.toMillis() <= 0) {
                problems.add(Overrides.DURATION, "must be at least 1ms, got " + text);
                return null;
            }
            return duration;
        } catch (IllegalArgumentException e) {
            problems.add(Overrides.DURATION, e.getMessage());
            return null;
        }
    }

    @SafeVarargs
    private static <T> T firstOf(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
