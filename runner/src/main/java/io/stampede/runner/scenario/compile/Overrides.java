package io.stampede.runner.scenario.compile;

import java.util.List;

/**
 * Command-line settings that replace the file's; each is null when not given. Problems in them are reported with
 * the flag as their path ({@code --users: must be at least 1}), so the CLI should use these flag names.
 *
 * <p>On a file with stages, {@code users} or {@code duration} replace the stages with a constant load, as k6's
 * {@code --vus}/{@code --duration} do: the missing one of the two is taken from the stages (their peak users,
 * their total duration). {@code spawnRate} alone keeps the stages and caps their ramps. {@code includeTags} and
 * {@code excludeTags} each replace the file's list of the same kind.
 *
 * @param host        base URL replacing spec.target ({@value #HOST})
 * @param users       >= 1 ({@value #USERS})
 * @param spawnRate   users per second, > 0 ({@value #SPAWN_RATE})
 * @param duration    a duration as files write it, such as 2m ({@value #DURATION})
 * @param includeTags run only tasks with one of these tags; empty means all ({@value #TAGS})
 * @param excludeTags skip tasks with one of these tags ({@value #EXCLUDE_TAGS})
 * @param rate        arrivals as {@code R}, {@code R/s} or {@code R/m}, replacing the open model's rate
 *                    ({@value #RATE}); on stages it replaces them with that constant rate
 * @param maxUsers    >= 1, replacing the open model's maxUsers ({@value #MAX_USERS})
 */
public record Overrides(String host, Integer users, Double spawnRate, String duration, List<String> includeTags,
                        List<String> excludeTags, String rate, Integer maxUsers) {

    public static final String HOST = "--host";
    public static final String USERS = "--users";
    public static final String SPAWN_RATE = "--spawn-rate";
    public static final String DURATION = "--duration";
    public static final String TAGS = "--tags";
    public static final String EXCLUDE_TAGS = "--exclude-tags";
    public static final String RATE = "--rate";
    public static final String MAX_USERS = "--max-users";

    /** Overrides of the closed model only. */
    public Overrides(String host, Integer users, Double spawnRate, String duration, List<String> includeTags,
                     List<String> excludeTags) {
        this(host, users, spawnRate, duration, includeTags, excludeTags, null, null);
    }

    public Overrides {
        includeTags = includeTags == null ? null : List.copyOf(includeTags);
        excludeTags = excludeTags == null ? null : List.copyOf(excludeTags);
    }

    /** Nothing overridden: the file as written. */
    public static Overrides none() {
        return new Overrides(null, null, null, null, null, null);
    }
}
