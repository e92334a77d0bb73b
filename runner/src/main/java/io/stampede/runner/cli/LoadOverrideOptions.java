package io.stampede.runner.cli;

import io.stampede.runner.scenario.compile.Overrides;
import picocli.CommandLine.Option;

import java.util.List;

/** The flags that replace parts of the file, shared by {@code run} and {@code master}. */
final class LoadOverrideOptions {

    @Option(names = "--host", paramLabel = "URL", description = "target base URL, replacing spec.target")
    String host;

    @Option(names = {"-u", "--users"}, paramLabel = "N", description = "concurrent users, replacing the file's")
    Integer users;

    @Option(names = {"-r", "--spawn-rate"}, paramLabel = "R", description = "users started per second")
    Double spawnRate;

    @Option(names = {"-t", "--duration"}, paramLabel = "D", description = "how long: 500ms, 30s, 2m, 1h30m")
    String duration;

    @Option(names = {"-T", "--tags"}, split = ",", paramLabel = "TAG", description = "run only tasks with these tags")
    List<String> tags;

    @Option(names = {"-E", "--exclude-tags"}, split = ",", paramLabel = "TAG", description = "skip tasks with these tags")
    List<String> excludeTags;

    Overrides toOverrides() {
        return new Overrides(host, users, spawnRate, duration, tags, excludeTags);
    }
}
