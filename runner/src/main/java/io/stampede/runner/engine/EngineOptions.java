package io.stampede.runner.engine;

/**
 * How the engine runs, besides the test itself.
 *
 * @param workerIndex   this worker's index (0 locally), the {@code workerIndex} built-in
 * @param firstUserId   id of the first user started here (1 locally), so ids stay unique across workers
 * @param insecureTls   accept any TLS certificate (self-signed staging targets); off by default
 * @param seed          seed of the users' random sources (task picks, think times, random templates)
 */
public record EngineOptions(int workerIndex, long firstUserId, boolean insecureTls, long seed) {

    public static EngineOptions defaults() {
        return new EngineOptions(0, 1, false, System.nanoTime());
    }

    public EngineOptions withInsecureTls(boolean insecure) {
        return new EngineOptions(workerIndex, firstUserId, insecure, seed);
    }
}
