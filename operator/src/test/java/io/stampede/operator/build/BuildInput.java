package io.stampede.operator.build;

import io.stampede.operator.api.LoadTest;
import io.stampede.operator.testing.SampleLoadTests;

import java.time.Duration;

/** The default input of the builders' table tests, which each case changes: run 1 of the shop sample in perf. */
final class BuildInput {

    static final String DEFAULT_IMAGE = "ghcr.io/stampede-io/stampede-runner:0.1.0";

    LoadTest loadTest = SampleLoadTests.shop("shop");
    int run = 1;
    RunnerDefaults defaults = new RunnerDefaults(DEFAULT_IMAGE, Duration.ofMinutes(5));

    BuildInput() {
        loadTest.getMetadata().setNamespace("perf");
        loadTest.getMetadata().setGeneration(1L);
    }

    /** The same sample under another name (the YAML's metadata.name). */
    BuildInput named(String name) {
        loadTest = SampleLoadTests.shop(name);
        loadTest.getMetadata().setNamespace("perf");
        loadTest.getMetadata().setGeneration(1L);
        return this;
    }
}
