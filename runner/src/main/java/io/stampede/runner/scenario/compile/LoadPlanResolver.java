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
import io.stampede.runner.scenario.WaitPlan;

import io.stampede.runner.stats.HumanFormat;
import io.stampede.runner.text.DidYouMean;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns spec.load, its preset and the command-line overrides into a {@link LoadPlan}. Precedence, lowest first:
 * the preset, the file's fields, the flags. A preset given as a flag ({@value Overrides#PRESET}) replaces the file's
 * whole load shape (its preset, users, spawnRate, duration, stages, stress), as switching a Locust user from smoke to
 * spike on the command line would; the file's stopTimeout stays, and -u, -r, -t still win over that preset.
 * Without stopTimeout, in-flight tasks get {@value #DEFAULT_STOP_TIMEOUT_MILLIS} ms at the end: the default request timeout, so a request sent just before the end can finish or time out on
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
        String replaced = null;
        if (overrides.preset() != null) {
            replaced = replacedByPreset(load);
            // As the binder reads "preset: stress" in a file: the stress block with its defaults.
            StressSpec stress = "stress".equals(overrides.preset()) ? StressSpec.DEFAULTS : null;
            load = new LoadSpec(overrides.preset(), null, null, null, List.of(), stress, load.stopTimeout());
        }
        if (load.stress() != null && load.preset() == null) {
            // Parsed and validated, but not run yet: a stress run must stop at its breaking point and report capacity.
            problems.add(LOAD + ".stress", "stress runs are not available yet; use stages to step the load");
        }
        Preset preset = preset(load.preset(), overrides.preset() != null ? Overrides.PRESET : LOAD + ".preset",
                problems);
        Integer flagUsers = flagUsers(overrides.users(), problems);
        Double flagSpawnRate = flagSpawnRate(overrides.spawnRate(), problems);
        Duration flagDuration = flagDuration(overrides.duration(), problems);
        if (problems.count() > before) {
            return null;
        }
        double spawnRate = firstOf(flagSpawnRate, load.spawnRate(),
                preset == null ? null : preset.spawnRatePerSecond(), Double.POSITIVE_INFINITY);
        LoadPlan plan = load.stages().isEmpty()
                ? constant(load, preset, flagUsers, flagDuration, spawnRate, problems)
                : staged(load.stages(), flagUsers, flagDuration, spawnRate);
        long stopTimeout = load.stopTimeout() == null ? DEFAULT_STOP_TIMEOUT_MILLIS : load.stopTimeout().toMillis();
        return plan == null ? null
                : new ResolvedLoad(plan, preset == null ? null : preset.waitOverride(), stopTimeout,
                        presetNote(preset, overrides.preset() != null, replaced));
    }

    /**
     * {@code preset spike (--preset; it replaces the file's spec.load: users 320, stages (2)); every class waits
     * between 100ms and 500ms}, or null without a preset.
     */
    private static String presetNote(Preset preset, boolean fromFlag, String replaced) {
        if (preset == null) return null;
        String note = "preset " + preset.presetName();
        if (fromFlag) {
            note += " (" + Overrides.PRESET + (replaced == null ? ")" : "; it replaces the file's " + replaced + ")");
        }
        if (preset.waitOverride() instanceof WaitPlan.Between between) {
            note += "; every class waits between " + HumanFormat.millis(between.minMillis()) + " and "
                    + HumanFormat.millis(between.maxMillis());
        }
        return note;
    }

    /** {@code spec.load: users 320, stages (2)}, or null when the file set no load shape. */
    private static String replacedByPreset(LoadSpec load) {
        List<String> fields = new ArrayList<>();
        if (load.preset() != null) fields.add("preset " + load.preset());
        if (load.users() != null) fields.add("users " + load.users());
        if (load.spawnRate() != null) fields.add("spawnRate " + (load.spawnRate() == Math.rint(load.spawnRate())
                ? Long.toString(load.spawnRate().longValue()) : load.spawnRate().toString()));
        if (load.duration() != null) fields.add("duration " + HumanFormat.millis(load.duration().toMillis()));
        if (!load.stages().isEmpty()) fields.add("stages (" + load.stages().size() + ")");
        if (load.stress() != null) fields.add("stress");
        return fields.isEmpty() ? null : "spec.load: " + String.join(", ", fields);
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

    private static Preset preset(String name, String path, Problems problems) {
        if (name == null) {
            return null;
        }
        Preset preset = Preset.byName(name).orElse(null);
        if (preset == null && Preset.PLANNED.contains(name)) {
            problems.add(path, "the preset '" + name + "' is not available yet; use stages to ramp "
                    + "the load, or one of " + String.join(", ", Preset.names()));
        } else if (preset == null) {
            problems.add(path, "unknown preset '" + name + "'" + DidYouMean.hint(name, Preset.names())
                    + "; expected one of " + String.join(", ", Preset.names()));
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
