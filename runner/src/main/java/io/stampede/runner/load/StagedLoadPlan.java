package io.stampede.runner.load;

import java.util.List;

/**
 * Stages run one after another (k6's stages): each moves the target linearly from the previous stage's users
 * (0 for the first) to its own over its duration. The engine follows the target no faster than
 * {@code spawnRatePerSecond}, so a steep stage may lag behind its line.
 *
 * @param stages             at least one; together they reach at least one user
 * @param spawnRatePerSecond > 0; {@link Double#POSITIVE_INFINITY} for no cap
 */
public record StagedLoadPlan(List<Stage> stages, double spawnRatePerSecond) implements LoadPlan {

    public StagedLoadPlan {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("at least one stage is needed");
        }
        if (stages.stream().allMatch(stage -> stage.users() == 0)) {
            throw new IllegalArgumentException("no stage has users");
        }
        if (!(spawnRatePerSecond > 0)) {
            throw new IllegalArgumentException("spawnRatePerSecond must be > 0: " + spawnRatePerSecond);
        }
    }

    /** Target at the given time, rounded to the nearest user; before 0 it is 0, after the end the last stage's. */
    @Override
    public int targetUsersAt(long elapsedMillis) {
        if (elapsedMillis <= 0) {
            return 0;
        }
        int from = 0;
        long stageStart = 0;
        for (Stage stage : stages) {
            long stageEnd = stageStart + stage.durationMillis();
            if (elapsedMillis < stageEnd) {
                double progress = (double) (elapsedMillis - stageStart) / stage.durationMillis();
                return (int) Math.round(from + (stage.users() - from) * progress);
            }
            from = stage.users();
            stageStart = stageEnd;
        }
        return from;
    }

    @Override
    public long durationMillis() {
        return stages.stream().mapToLong(Stage::durationMillis).sum();
    }

    @Override
    public int peakUsers() {
        return stages.stream().mapToInt(Stage::users).max().orElseThrow();
    }
}
