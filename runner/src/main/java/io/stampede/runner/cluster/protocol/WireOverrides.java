package io.stampede.runner.cluster.protocol;

import io.stampede.runner.scenario.compile.Overrides;

import java.util.List;

/** {@link Overrides} as they travel in {@link MasterMessage.Welcome}; fields are null when not given. */
public record WireOverrides(String host, Integer users, Double spawnRate, String duration, List<String> includeTags,
                            List<String> excludeTags, String rate, Integer maxUsers) {

    public static WireOverrides of(Overrides overrides) {
        return new WireOverrides(overrides.host(), overrides.users(), overrides.spawnRate(), overrides.duration(),
                overrides.includeTags(), overrides.excludeTags(), overrides.rate(), overrides.maxUsers());
    }

    public Overrides toOverrides() {
        return new Overrides(host, users, spawnRate, duration, includeTags, excludeTags, rate, maxUsers);
    }
}
