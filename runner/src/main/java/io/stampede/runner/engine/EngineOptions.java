package io.stampede.runner.engine;

import io.stampede.runner.events.RequestEventSink;

import java.util.function.Consumer;

/**
 * How the engine runs, besides the test itself.
 *
 * @param workerIndex   this worker's index (0 locally), the {@code workerIndex} built-in
 * @param firstUserId   id of the first user started here (1 locally)
 * @param userIdStride  step between the ids of users started here, >= 1 (1 locally); workers of one run use
 *                      first ids 1..N and stride N, so ids stay unique across workers and dense overall
 * @param insecureTls   accept any TLS certificate (self-signed staging targets); off by default
 * @param seed          seed of the users' random sources (task picks, think times, random templates)
 * @param requestEvents takes each loop's per-request events once a second ({@code --events-per request}); null
 *                      for none
 * @param notices       lines for people about the generator itself (a plugin blocking a loop), from the engine's
 *                      control thread; by default the process's error stream
 */
public record EngineOptions(int workerIndex, long firstUserId, long userIdStride, boolean insecureTls, long seed,
                            RequestEventSink requestEvents, Consumer<String> notices) {

    private static final Consumer<String> STDERR = line -> System.err.println("stampede: WARNING: " + line);

    public EngineOptions(int workerIndex, long firstUserId, long userIdStride, boolean insecureTls, long seed) {
        this(workerIndex, firstUserId, userIdStride, insecureTls, seed, null);
    }

    public EngineOptions(int workerIndex, long firstUserId, long userIdStride, boolean insecureTls, long seed,
                         RequestEventSink requestEvents) {
        this(workerIndex, firstUserId, userIdStride, insecureTls, seed, requestEvents, STDERR);
    }

    public EngineOptions {
        if (userIdStride < 1) throw new IllegalArgumentException("userIdStride must be >= 1: " + userIdStride);
        if (notices == null) notices = STDERR;
    }

    public static EngineOptions defaults() {
        return new EngineOptions(0, 1, 1, false, System.nanoTime());
    }

    public EngineOptions withInsecureTls(boolean insecure) {
        return new EngineOptions(workerIndex, firstUserId, userIdStride, insecure, seed, requestEvents, notices);
    }

    /** These options with per-request events going to {@code sink} (null: none). */
    public EngineOptions withRequestEvents(RequestEventSink sink) {
        return new EngineOptions(workerIndex, firstUserId, userIdStride, insecureTls, seed, sink, notices);
    }

    /** These options with the engine's notices going to {@code lines}. */
    public EngineOptions withNotices(Consumer<String> lines) {
        return new EngineOptions(workerIndex, firstUserId, userIdStride, insecureTls, seed, requestEvents, lines);
    }

    /** Worker {@code index} (0-based) of {@code workers}: user ids index+1, index+1+workers, ... */
    public EngineOptions forWorker(int index, int workers) {
        return new EngineOptions(index, index + 1L, workers, insecureTls, seed, requestEvents, notices);
    }
}
