package io.stampede.runner.cluster.worker;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.cluster.protocol.WorkerMessage;
import io.stampede.runner.engine.EngineOptions;
import io.stampede.runner.engine.EventLoops;
import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.model.Problem;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.LoadTestCompiler;
import io.stampede.runner.scenario.compile.Overrides;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker against a pretend master: it heartbeats whatever its event loop does and while it prepares the run,
 * and stops without a master.
 */
class WorkerAgentTest {

    private EventLoops eventLoops;
    private TargetServer server;

    @BeforeEach
    void start() {
        // One event loop, blocked on purpose below.
        eventLoops = EventLoops.create(1);
        server = TargetServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
        eventLoops.close();
    }

    private TestPlan plan() throws Exception {
        return LoadTestCompiler.compile(LoadTestParser.parse("""
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: w}
                spec:
                  target: %s
                  load: {users: 2, duration: 1h, stopTimeout: 1s}
                  userClasses:
                    - {name: u, wait: {constant: 10ms}, tasks: [{name: x, request: {method: GET, path: /x}}]}
                """.formatted(server.baseUrl())), Overrides.none(), Map.of());
    }

    private WorkerAgent running(RecordingMasterLink link, long masterTimeoutMillis) throws Exception {
        WorkerAgent agent = new WorkerAgent("test", eventLoops.group(), PlanSource.given(plan()), EngineOptions.defaults(),
                line -> { });
        agent.attach(link);
        agent.received(new MasterMessage.Welcome(1, 0, 1, null, null, false, 1000, masterTimeoutMillis));
        agent.received(new MasterMessage.Start());
        agent.received(new MasterMessage.Targets(List.of(2)));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.totalRequests() > 10);
        return agent;
    }

    @Test
    void keepsHeartbeatingEverySecondWhileItsEventLoopIsBlocked() throws Exception {
        RecordingMasterLink link = new RecordingMasterLink();
        WorkerAgent agent = running(link, 60_000);
        int before = link.sent(WorkerMessage.Heartbeat.class).size();

        // The block's own start and end, not the time it was queued: on a busy machine the loop may take it late,
        // and a test that slept 3.6 s from queueing it could judge a window the block had not covered.
        long[] blocked = new long[2];
        CountDownLatch unblocked = new CountDownLatch(1);
        eventLoops.group().next().execute(() -> {
            blocked[0] = System.nanoTime();
            sleep(3500);
            blocked[1] = System.nanoTime();
            unblocked.countDown();
        });
        assertThat(unblocked.await(30, TimeUnit.SECONDS)).isTrue();

        List<Long> duringBlock = link.sendTimes(WorkerMessage.Heartbeat.class).stream()
                .filter(nanos -> nanos > blocked[0] && nanos < blocked[1]).toList();
        assertThat(duringBlock).as("heartbeats while the loop was blocked for 3.5 s").hasSizeGreaterThanOrEqualTo(3);
        assertThat(link.sent(WorkerMessage.Heartbeat.class).size()).isGreaterThan(before);
        agent.received(new MasterMessage.Stop("test over"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !link.sent(WorkerMessage.Finished.class).isEmpty());
    }

    @Test
    void stopsByItselfWhenTheMasterFallsSilent() throws Exception {
        RecordingMasterLink link = new RecordingMasterLink();
        WorkerAgent agent = running(link, 1500);
        long silentFrom = System.nanoTime();

        WorkerExit exit = agent.exit().get(15, TimeUnit.SECONDS);

        assertThat(exit.exitCode()).isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(exit.reason()).contains("lost the master").contains("no word from the master");
        assertThat((System.nanoTime() - silentFrom) / 1e9).as("master timeout + stop timeout + grace")
                .isLessThan(1.5 + 1 + 5);
        long served = server.totalRequests();
        Thread.sleep(300);
        assertThat(server.totalRequests()).as("no requests after it stopped").isEqualTo(served);
        assertThat(link.closed()).isTrue();
    }

    @Test
    void stopsByItselfWhenTheChannelToTheMasterCloses() throws Exception {
        RecordingMasterLink link = new RecordingMasterLink();
        WorkerAgent agent = running(link, 60_000);

        agent.closed("connection reset");

        WorkerExit exit = agent.exit().get(10, TimeUnit.SECONDS);
        assertThat(exit.exitCode()).isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(exit.reason()).contains("connection reset");
    }

    @Test
    void sendsItsLastSnapshotBeforeFinishedAndExitsZeroWhenTheMasterCloses() throws Exception {
        RecordingMasterLink link = new RecordingMasterLink();
        WorkerAgent agent = running(link, 60_000);

        agent.received(new MasterMessage.Stop("the load plan ended"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !link.sent(WorkerMessage.Finished.class).isEmpty());
        agent.closed("the run is over");

        assertThat(agent.exit().get(5, TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCode.OK);
        WorkerMessage.Finished finished = link.sent(WorkerMessage.Finished.class).get(0);
        List<WorkerMessage.Snapshot> snapshots = link.sent(WorkerMessage.Snapshot.class);
        assertThat(snapshots).hasSize((int) finished.intervals());
        assertThat(snapshots).extracting(WorkerMessage.Snapshot::intervalId)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, finished.intervals()).boxed().toList());
        long counted = snapshots.stream().flatMap(s -> s.rows().values().stream()).mapToLong(r -> r.requests()).sum();
        assertThat(counted).isEqualTo(server.totalRequests());
    }

    /**
     * A plan source as slow as a busy machine's compile: it returns {@code plan} only once the test lets it (or
     * after 30 s, so that a failing test never hangs), and says when it began.
     */
    private static final class SlowPlans implements PlanSource {

        final CountDownLatch loading = new CountDownLatch(1);
        final CountDownLatch mayFinish = new CountDownLatch(1);
        private final TestPlan plan;

        SlowPlans(TestPlan plan) {
            this.plan = plan;
        }

        @Override
        public TestPlan load(MasterMessage.Welcome welcome) {
            loading.countDown();
            try {
                mayFinish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return plan;
        }
    }

    /** A worker welcomed with heartbeats every 250 ms, still loading its plan from {@code plans}. */
    private WorkerAgent preparing(RecordingMasterLink link, SlowPlans plans) throws Exception {
        WorkerAgent agent = new WorkerAgent("test", eventLoops.group(), plans, EngineOptions.defaults(), line -> { });
        agent.attach(link);
        agent.received(new MasterMessage.Welcome(1, 0, 1, null, null, false, 250, 60_000));
        assertThat(plans.loading.await(10, TimeUnit.SECONDS)).as("the plan is being loaded").isTrue();
        return agent;
    }

    @Test
    void keepsHeartbeatingWhileItPreparesTheRunAndRunsOnceReady() throws Exception {
        SlowPlans plans = new SlowPlans(plan());
        RecordingMasterLink link = new RecordingMasterLink();
        WorkerAgent agent = preparing(link, plans);
        int before = link.sent(WorkerMessage.Heartbeat.class).size();
        try {
            // The plan stays unloaded until the heartbeats are seen: a worker that prepares on its heartbeat
            // thread sends none, and this wait fails whatever the machine's speed.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> link.sent(WorkerMessage.Heartbeat.class).size() >= before + 3);
            assertThat(link.sent(WorkerMessage.Ready.class)).as("ready before its plan is loaded").isEmpty();
        } finally {
            plans.mayFinish.countDown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !link.sent(WorkerMessage.Ready.class).isEmpty());

        agent.received(new MasterMessage.Start());
        agent.received(new MasterMessage.Targets(List.of(2)));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.totalRequests() > 10);
        agent.received(new MasterMessage.Stop("the load plan ended"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !link.sent(WorkerMessage.Finished.class).isEmpty());
        agent.closed("the run is over");
        assertThat(agent.exit().get(5, TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aStartThatComesWhileItPreparesRunsOnceItIsReady() throws Exception {
        SlowPlans plans = new SlowPlans(plan());
        RecordingMasterLink link = new RecordingMasterLink();
        WorkerAgent agent = preparing(link, plans);

        agent.received(new MasterMessage.Start());
        agent.received(new MasterMessage.Targets(List.of(2)));
        plans.mayFinish.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> server.totalRequests() > 10);
        assertThat(link.sent(WorkerMessage.Ready.class)).hasSize(1);
        agent.received(new MasterMessage.Stop("test over"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !link.sent(WorkerMessage.Finished.class).isEmpty());
    }

    @Test
    void aStopWhileItPreparesEndsItAtOnce() throws Exception {
        endsWhilePreparing(agent -> agent.received(new MasterMessage.Stop("the master gave up")),
                "the master ended the run before it started: the master gave up");
    }

    @Test
    void aClosedChannelWhileItPreparesEndsItAtOnce() throws Exception {
        endsWhilePreparing(agent -> agent.closed("connection reset"),
                "the master closed the connection before the run started (connection reset)");
    }

    @Test
    void ctrlCWhileItPreparesEndsItAtOnce() throws Exception {
        endsWhilePreparing(agent -> agent.stopEarly("interrupted"), "stopped before the run started (interrupted)");
    }

    /**
     * {@code end} comes while the plan is still loading (it stays blocked until the exit is checked): the worker
     * exits 3 with {@code reason} and closes its channel without waiting for the load.
     */
    private void endsWhilePreparing(Consumer<WorkerAgent> end, String reason) throws Exception {
        SlowPlans plans = new SlowPlans(plan());
        RecordingMasterLink link = new RecordingMasterLink();
        WorkerAgent agent = preparing(link, plans);
        try {
            end.accept(agent);
            WorkerExit exit = agent.exit().get(10, TimeUnit.SECONDS);
            assertThat(exit.exitCode()).isEqualTo(ExitCode.COULD_NOT_RUN);
            assertThat(exit.reason()).isEqualTo(reason);
            assertThat(link.closed()).isTrue();
            assertThat(link.sent(WorkerMessage.Ready.class)).isEmpty();
        } finally {
            plans.mayFinish.countDown();
        }
    }

    @Test
    void aTestThatDoesNotCompileFailsWithBadInputAndItsProblems() throws Exception {
        RecordingMasterLink link = new RecordingMasterLink();
        WorkerAgent agent = new WorkerAgent("test", eventLoops.group(), welcome -> {
            throw new InvalidLoadTestException(List.of(new Problem("spec.target", "env TARGET is not set here")));
        }, EngineOptions.defaults(), line -> { });
        agent.attach(link);
        agent.received(new MasterMessage.Welcome(1, 0, 1, null, null, false, 1000, 60_000));

        WorkerExit exit = agent.exit().get(10, TimeUnit.SECONDS);

        assertThat(exit.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(exit.reason()).startsWith("the LoadTest does not compile on this worker: ")
                .contains("spec.target").contains("env TARGET is not set here");
        assertThat(link.sent(WorkerMessage.Failed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(failed.reason()).isEqualTo(exit.reason());
        });
        assertThat(link.sent(WorkerMessage.Ready.class)).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
