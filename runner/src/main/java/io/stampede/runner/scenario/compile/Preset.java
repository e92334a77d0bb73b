package io.stampede.runner.scenario.compile;

import io.stampede.runner.load.StressLoadPlan;
import io.stampede.runner.model.LoadBinder;
import io.stampede.runner.scenario.WaitPlan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Named load shapes that fill {@code spec.load}; fields written in the file, and command-line flags, override
 * the preset's. {@value #STRESS} is not one of the constants: it stands for a {@code load.stress} block with its
 * defaults, which the binder fills in, and becomes a {@link StressLoadPlan} ({@link #stressPlan}). A preset sets both the load ({@code load/}) and every
 * class's think time ({@link WaitPlan}), so it lives with the compiler that resolves it, above both.
 */
public enum Preset {

    /** Does the scenario work at all: one user for 30 s. */
    SMOKE(1, Double.POSITIVE_INFINITY, 30_000, null),
    /** A modest steady load: 10 users, 2 started per second, for 2 min. */
    BASIC(10, 2, 120_000, null),
    /** A sudden burst: 100 users started within a second, for 1 min, with every class's wait 100..500 ms. */
    SPIKE(100, 100, 60_000, new WaitPlan.Between(100, 500)),
    /** A long steady load to expose leaks and drift: 20 users for 10 min. */
    ENDURANCE(20, Double.POSITIVE_INFINITY, 600_000, null);

    /** {@code preset: stress}: +50 users every minute from 50 up to 500, until a step breaks. */
    public static final String STRESS = LoadBinder.STRESS_PRESET;

    /** Users started per second at each step of a stress run when the file sets no spawnRate: 50 users in 5 s. */
    public static final double STRESS_SPAWN_RATE = 10;

    /**
     * {@code preset: stress} (the contract's "+50 users every minute up to 500"), or a {@code load.stress} block,
     * as a plan.
     *
     * @param spawnRatePerSecond the file's spawnRate, or null for {@value #STRESS_SPAWN_RATE}
     */
    public static StressLoadPlan stressPlan(int startUsers, int stepUsers, int maxUsers, long everyMillis,
                                            Double spawnRatePerSecond) {
        return new StressLoadPlan(startUsers, stepUsers, maxUsers, everyMillis,
                spawnRatePerSecond == null ? STRESS_SPAWN_RATE : spawnRatePerSecond);
    }

    private final int users;
    private final double spawnRatePerSecond;
    private final long durationMillis;
    private final WaitPlan waitOverride;

    Preset(int users, double spawnRatePerSecond, long durationMillis, WaitPlan waitOverride) {
        this.users = users;
        this.spawnRatePerSecond = spawnRatePerSecond;
        this.durationMillis = durationMillis;
        this.waitOverride = waitOverride;
    }

    /** The name as files write it: {@code smoke}. */
    public String presetName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Finds a built preset by its name as files write it (exact, lower case). */
    public static Optional<Preset> byName(String name) {
        return Arrays.stream(values()).filter(preset -> preset.presetName().equals(name)).findFirst();
    }

    /** Names of the built presets, for messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Preset::presetName).toList();
    }

    public int users() {
        return users;
    }

    /** Users started per second; {@link Double#POSITIVE_INFINITY} for all at once. */
    public double spawnRatePerSecond() {
        return spawnRatePerSecond;
    }

    public long durationMillis() {
        return durationMillis;
    }

    /** The wait every user class gets instead of its own, or null to keep each class's wait. */
    public WaitPlan waitOverride() {
        return waitOverride;
    }
}
