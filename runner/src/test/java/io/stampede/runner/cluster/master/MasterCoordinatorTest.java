package io.stampede.runner.cluster.master;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.cluster.protocol.Protocol;
import io.stampede.runner.cluster.protocol.WorkerMessage;
import io.stampede.runner.engine.health.GeneratorHealth;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.LoadTestCompiler;
import io.stampede.runner.scenario.compile.Overrides;
import io.stampede.runner.stats.ArrivalCounts;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;
import io.stampede.runner.stats.RunSummary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The master's state machine, driven by hand: pretend workers, a clock that moves when told. */
class MasterCoordinatorTest {

    private static final RowKey ITEMS = new RowKey("GET", "/items");
    private static final long HEARTBEAT_TIMEOUT = 3000;

    private final TestClock clock = new TestClock();
    private final List<LostWorker> lostEvents = new ArrayList<>();

    private static TestPlan plan(String load) throws Exception {
        return LoadTestCompiler.compile(LoadTestParser.parse("""
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: t}
                spec:
                  target: http://127.0.0.1:1
                  load: %s
                  userClasses:
                    - {name: shopper, weight: 3, tasks: [{name: items, request: {method: GET, path: /items}}]}
                    - {name: admin, weight: 1, tasks: [{name: items, request: {method: GET, path: /items}}]}
                """.formatted(load.substring(0, load.lastIndexOf('}')) + ", stopTimeout: 1s}")), Overrides.none(),
                Map.of());
    }

    private MasterCoordinator master(TestPlan plan, int workers, int minWorkers) {
        MasterSettings settings = new MasterSettings(workers, minWorkers, 30_000, HEARTBEAT_TIMEOUT, 1000, 10_000,
                2000, null, null, false);
        return new MasterCoordinator(plan, settings, clock, new MasterEvents() {
            @Override
            public void workerLost(LostWorker lost, int remaining) {
                lostEvents.add(lost);
            }
        }, merged -> { });
    }

    private List<FakeWorker> join(MasterCoordinator master, int count) {
        List<FakeWorker> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FakeWorker worker = new FakeWorker("10.0.0." + i);
            master.connected(worker);
            master.received(worker, new WorkerMessage.Register(Protocol.VERSION, "host-" + i, 2));
            workers.add(worker);
        }
        workers.forEach(worker -> master.received(worker, new WorkerMessage.Ready()));
        return workers;
    }

    private void tickFor(MasterCoordinator master, long millis, List<FakeWorker> heartbeating) {
        for (long t = 0; t < millis; t += 100) {
            clock.advanceMillis(100);
            heartbeating.forEach(worker -> master.received(worker, new WorkerMessage.Heartbeat(0, "")));
            master.tick();
        }
    }

    /** A snapshot of a worker running 2 users, its share of the 4-user plans below. */
    private static WorkerMessage.Snapshot snapshot(FakeWorker worker, long interval, long... latenciesMicros) {
        return snapshotWithUsers(worker, interval, 2, latenciesMicros);
    }

    private static WorkerMessage.Snapshot snapshotWithUsers(FakeWorker worker, long interval, int users,
                                                            long... latenciesMicros) {
        RowStats row = new RowStats();
        for (long latency : latenciesMicros) row.recordSuccess(latency, 10);
        int id = worker.last(MasterMessage.Welcome.class).workerId();
        return new WorkerMessage.Snapshot(id, interval, users, 0, latenciesMicros.length == 0 ? Map.of()
                : Map.of(ITEMS, row));
    }

    @Test
    void startsAllWorkersTogetherAndSplitsUsersByClassWeight() throws Exception {
        MasterCoordinator master = master(plan("{users: 12, duration: 10s}"), 3, 1);

        List<FakeWorker> workers = join(master, 3);

        assertThat(workers).allSatisfy(worker -> assertThat(worker.sent(MasterMessage.Start.class)).hasSize(1));
        assertThat(workers).extracting(w -> w.last(MasterMessage.Welcome.class).workerIndex()).containsExactly(0, 1, 2);
        assertThat(workers).allSatisfy(worker -> assertThat(worker.targets()).containsExactly(3, 1));
        assertThat(master.status().phase()).isEqualTo(MasterPhase.RUNNING);
    }

    @Test
    void refusesWorkersBeyondTheExpectedAndOfAnotherProtocol() throws Exception {
        MasterCoordinator master = master(plan("{users: 2, duration: 10s}"), 1, 1);
        join(master, 1);
        FakeWorker late = new FakeWorker("late");
        FakeWorker old = new FakeWorker("old");

        master.received(late, new WorkerMessage.Register(Protocol.VERSION, "late", 1));
        master.received(old, new WorkerMessage.Register(Protocol.VERSION + 1, "old", 1));

        assertThat(late.last(MasterMessage.Refused.class).reason()).contains("has started");
        assertThat(late.closedBecause).isNotNull();
        assertThat(old.last(MasterMessage.Refused.class).reason()).contains("protocol");
    }

    @Test
    void movesALostWorkersUsersToTheOthersAtOnceAndReportsTheLoss() throws Exception {
        MasterCoordinator master = master(plan("{users: 12, duration: 10s}"), 3, 1);
        List<FakeWorker> workers = join(master, 3);
        tickFor(master, 2000, workers);

        master.closed(workers.get(1), "reset by peer");

        assertThat(workers.get(0).targetTotal() + workers.get(2).targetTotal()).isEqualTo(12);
        assertThat(workers.get(0).targets()).containsExactly(5, 1);
        assertThat(master.status().lostWorkers()).singleElement().satisfies(lost -> {
            assertThat(lost.worker()).contains("host-1");
            assertThat(lost.reason()).contains("connection closed");
            assertThat(lost.users()).isEqualTo(4);
            assertThat(lost.elapsedMillis()).isEqualTo(2000);
        });
        assertThat(master.status().connectedWorkers()).isEqualTo(2);
    }

    private static WorkerMessage.Snapshot arrivals(FakeWorker worker, long interval, long started) {
        int id = worker.last(MasterMessage.Welcome.class).workerId();
        return new WorkerMessage.Snapshot(id, interval, 3, 0, Map.of(), new ArrivalCounts(started, started, 0, 0));
    }

    @Test
    void splitsTheArrivalsInTurnBeforeTheStartAndMovesALostWorkersShareToTheOthersFromAnArrivalNotYetDue()
            throws Exception {
        MasterCoordinator master = master(plan("{arrivalRate: {rate: 100, duration: 10s, maxUsers: 9}}"), 3, 1);
        List<FakeWorker> workers = join(master, 3);

        for (int i = 0; i < 3; i++) {
            List<MasterMessage> sent = workers.get(i).sent;
            assertThat(sent.indexOf(workers.get(i).last(MasterMessage.Arrivals.class)))
                    .as("the share comes before the start").isLessThan(sent.indexOf(workers.get(i).last(MasterMessage.Start.class)));
            assertThat(workers.get(i).sent(MasterMessage.Arrivals.class)).containsExactly(new MasterMessage.Arrivals(0, i, 3, 3));
        }
        // Seconds 0 and 1: 100 arrivals each, 34/33/33 and 33/34/33 per worker.
        long[][] started = {{34, 33, 33}, {33, 34, 33}};
        for (int second = 0; second < 2; second++) {
            for (int w = 0; w < 3; w++) master.received(workers.get(w), arrivals(workers.get(w), second, started[second][w]));
        }
        tickFor(master, 2000, workers);

        master.closed(workers.get(1), "reset by peer");

        // Decided at 2.0 s: from the first arrival due at 2.5 s on (250), the two survivors take every other one.
        assertThat(workers.get(0).last(MasterMessage.Arrivals.class)).isEqualTo(new MasterMessage.Arrivals(250, 0, 2, 5));
        assertThat(workers.get(2).last(MasterMessage.Arrivals.class)).isEqualTo(new MasterMessage.Arrivals(250, 1, 2, 4));
        master.received(workers.get(0), arrivals(workers.get(0), 2, 75));
        master.received(workers.get(2), arrivals(workers.get(2), 2, 75));
        tickFor(master, 100, List.of(workers.get(0), workers.get(2)));
        // Worker 1 was given arrivals 1, 4, ..., 247 (83) and reported 67: 16 never sent, counted as dropped.
        assertThat(master.stats().summary("t", clock.epochMillis()).arrivals())
                .isEqualTo(new ArrivalCounts(200 + 150 + 16, 350, 16, 0));
        assertThat(workers.get(1).sent(MasterMessage.Arrivals.class)).hasSize(1);
    }

    @Test
    void losesASilentWorkerAfterTheHeartbeatTimeoutButNeverOneThatKeepsHeartbeating() throws Exception {
        MasterCoordinator master = master(plan("{users: 4, duration: 60s}"), 2, 1);
        List<FakeWorker> workers = join(master, 2);

        tickFor(master, HEARTBEAT_TIMEOUT - 200, List.of(workers.get(0)));
        assertThat(lostEvents).isEmpty();
        tickFor(master, 400, List.of(workers.get(0)));

        assertThat(lostEvents).singleElement().satisfies(lost -> assertThat(lost.reason()).contains("no heartbeat"));
        assertThat(workers.get(1).closedBecause).isNotNull();
        assertThat(workers.get(0).targetTotal()).isEqualTo(4);
        tickFor(master, 20_000, List.of(workers.get(0)));
        assertThat(lostEvents).hasSize(1);
    }

    @Test
    void failsTheRunWhenFewerThanTheMinimumOfWorkersRemain() throws Exception {
        MasterCoordinator master = master(plan("{users: 4, duration: 60s}"), 3, 3);
        List<FakeWorker> workers = join(master, 3);

        master.closed(workers.get(2), "gone");
        workers.subList(0, 2).forEach(worker -> master.received(worker,
                new WorkerMessage.Finished(1, new GeneratorHealth(2, 1, 1, 0, 0, 1, 0))));

        assertThat(workers.get(0).last(MasterMessage.Stop.class).reason()).contains("--min-workers 3");
        assertThat(master.outcome()).isCompleted();
        MasterOutcome outcome = master.outcome().join();
        assertThat(outcome.started()).isTrue();
        assertThat(outcome.error()).contains("only 2 of 3 workers remain");
        assertThat(outcome.errorExitCode()).isEqualTo(ExitCode.COULD_NOT_RUN);
    }

    @Test
    void givesUpWaitingForWorkersWithAReason() throws Exception {
        MasterCoordinator master = master(plan("{users: 4, duration: 60s}"), 3, 1);
        FakeWorker only = new FakeWorker("a");
        master.received(only, new WorkerMessage.Register(Protocol.VERSION, "a", 1));

        tickFor(master, 31_000, List.of(only));

        MasterOutcome outcome = master.outcome().join();
        assertThat(outcome.started()).isFalse();
        assertThat(outcome.error()).isEqualTo("only 0 of 3 workers were ready within 30 s");
        assertThat(outcome.errorExitCode()).isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(only.last(MasterMessage.Stop.class)).isNotNull();
    }

    @Test
    void mergesEveryWorkersSnapshotByAddingHistogramsAndCountsADuplicateOnce() throws Exception {
        MasterCoordinator master = master(plan("{users: 4, duration: 60s}"), 2, 1);
        List<FakeWorker> workers = join(master, 2);

        master.received(workers.get(0), snapshot(workers.get(0), 0, 1000, 2000, 3000));
        master.received(workers.get(0), snapshot(workers.get(0), 0, 1000, 2000, 3000));
        master.received(workers.get(1), snapshot(workers.get(1), 0, 40_000, 50_000));

        RunSummary summary = master.stats().summary("t", clock.epochMillis() + 1000);
        assertThat(summary.total().requests()).isEqualTo(5);
        assertThat(summary.total().percentiles().at(50)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(summary.total().maxMs()).isEqualTo(50.0);
        assertThat(master.stats().history()).singleElement()
                .satisfies(second -> assertThat(second.users()).isEqualTo(4));
    }

    @Test
    void usersThatMoveFromAStoppingWorkerAreNotCountedTwiceInThePeak() throws Exception {
        MasterCoordinator master = master(plan("{users: 60, spawnRate: 60, duration: 60s}"), 2, 1);
        List<FakeWorker> workers = join(master, 2);
        FakeWorker stopping = workers.get(0);
        FakeWorker staying = workers.get(1);
        for (long interval = 0; interval < 3; interval++) {
            tickFor(master, 1000, workers);
            for (FakeWorker worker : workers) master.received(worker, snapshotWithUsers(worker, interval, 30, 1000));
        }

        // SIGTERM on one worker: its users stop, its last (partial) interval still had 30 of them, and then it
        // says it finished; the master moves those 30 users to the other worker, which runs 60 in the same second.
        tickFor(master, 300, workers);
        master.received(stopping, snapshotWithUsers(stopping, 3, 30, 1000));
        master.received(stopping, new WorkerMessage.Finished(4, new GeneratorHealth(2, 1, 1, 0, 0, 4, 0)));
        assertThat(staying.targetTotal()).isEqualTo(60);
        tickFor(master, 700, List.of(staying));
        master.received(staying, snapshotWithUsers(staying, 3, 60, 1000));

        assertThat(master.stats().history()).extracting(second -> second.users()).containsExactly(60, 60, 60, 60);
        assertThat(master.stats().summary("t", clock.epochMillis()).usersPeak()).isEqualTo(60);
    }

    @Test
    void aLateSnapshotStillCountsInItsOwnInterval() throws Exception {
        MasterCoordinator master = master(plan("{users: 4, duration: 60s}"), 2, 1);
        List<FakeWorker> workers = join(master, 2);
        master.received(workers.get(0), snapshot(workers.get(0), 0, 1000));

        tickFor(master, 2500, workers);
        assertThat(master.stats().history()).as("completed without the slow worker").hasSize(1);
        master.received(workers.get(1), snapshot(workers.get(1), 0, 2000, 2000));

        assertThat(master.stats().summary("t", clock.epochMillis()).total().requests()).isEqualTo(3);
    }

    @Test
    void endsWhenEveryWorkerSentItsLastSnapshotAfterThePlan() throws Exception {
        MasterCoordinator master = master(plan("{users: 4, duration: 2s}"), 2, 1);
        List<FakeWorker> workers = join(master, 2);

        tickFor(master, 2100, workers);
        assertThat(workers).allSatisfy(worker -> assertThat(worker.last(MasterMessage.Stop.class)).isNotNull());
        assertThat(master.outcome()).isNotCompleted();
        for (FakeWorker worker : workers) {
            master.received(worker, snapshot(worker, 0, 500));
            master.received(worker, new WorkerMessage.Finished(1, new GeneratorHealth(2, 5, 4, 0.1, 0.2, 2, 0)));
        }

        MasterOutcome outcome = master.outcome().join();
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.lostWorkers()).isEmpty();
        assertThat(master.stats().summary("t", outcome.endEpochMillis()).total().requests()).isEqualTo(2);
        assertThat(workers).allSatisfy(worker -> assertThat(worker.closedBecause).isEqualTo("the run is over"));
    }

    @Test
    void secondsInWhichAWorkersGeneratorWasSaturatedAreListedForTheCharts() throws Exception {
        MasterCoordinator master = master(plan("{users: 4, duration: 3s}"), 2, 1);
        List<FakeWorker> workers = join(master, 2);

        tickFor(master, 1000, workers);
        clock.advanceMillis(1000); // second 2 ends: worker 0 says its loops lagged in it
        master.received(workers.get(0), new WorkerMessage.Heartbeat(2, "generator saturated: event loops 120 ms late"));
        master.tick();
        tickFor(master, 1100, workers);
        for (FakeWorker worker : workers) {
            master.received(worker, snapshot(worker, 0, 500));
            master.received(worker, new WorkerMessage.Finished(1, new GeneratorHealth(2, 5, 4, 0.1, 0.2, 3, 2)));
        }

        assertThat(master.outcome().join().saturatedSeconds()).containsExactly(2L);
    }

    @Test
    void aWorkerThatCannotRunTheTestStopsTheRunWithItsExitCode() throws Exception {
        MasterCoordinator master = master(plan("{users: 4, duration: 60s}"), 2, 1);
        FakeWorker good = new FakeWorker("a");
        FakeWorker bad = new FakeWorker("b");
        master.received(good, new WorkerMessage.Register(Protocol.VERSION, "a", 1));
        master.received(good, new WorkerMessage.Ready());
        master.received(bad, new WorkerMessage.Register(Protocol.VERSION, "b", 1));

        master.received(bad, new WorkerMessage.Failed("spec.variables.password: SHOP_PASSWORD is not set",
                ExitCode.BAD_INPUT.code()));

        MasterOutcome outcome = master.outcome().join();
        assertThat(outcome.started()).isFalse();
        assertThat(outcome.errorExitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.error()).contains("w2 (b)").contains("SHOP_PASSWORD");
        assertThat(good.last(MasterMessage.Stop.class)).isNotNull();
    }
}
