package io.stampede.runner.engine;

import io.stampede.runner.engine.health.GeneratorHealth;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.WaitPlan;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.stampede.runner.engine.Plans.constantLoad;
import static io.stampede.runner.engine.Plans.plan;
import static io.stampede.runner.engine.Plans.task;
import static io.stampede.runner.engine.Plans.userClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The generator says when it is the bottleneck: with its event loops kept busy on purpose, the run reports
 * saturated seconds and why, instead of passing its own queueing off as the server's latency.
 */
class GeneratorSaturationTest {

    @AutoClose
    private final EventLoops eventLoops = EventLoops.create(1);

    private GeneratorHealth run(TargetServer server, boolean saturate) throws Exception {
        Plans.Rows rows = new Plans.Rows();
        TestPlan plan = plan(server.baseUrl(), rows, constantLoad(5, 4500), 2000,
                userClass("u", new WaitPlan.Constant(10), task("x", 1, rows.get("/x"))));
        Engine engine = new Engine(eventLoops.group(), plan, new CollectingSink(), EngineOptions.defaults());
        ScheduledExecutorService hog = Executors.newSingleThreadScheduledExecutor();
        try {
            if (saturate) {
                // 150 ms of work every 200 ms on the runner's only event loop: its users' sends queue behind it.
                io.netty.channel.EventLoop loop = eventLoops.group().next();
                hog.scheduleAtFixedRate(() -> loop.execute(() -> spin(150)), 0, 200, TimeUnit.MILLISECONDS);
            }
            CompletableFuture<RunResult> done = engine.start();
            done.get(30, TimeUnit.SECONDS);
        } finally {
            hog.shutdownNow();
        }
        return engine.monitor().health();
    }

    private static void spin(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void reportsSaturationWhenItsEventLoopsFallBehind() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            GeneratorHealth health = run(server, true);

            assertThat(health.saturated()).isTrue();
            assertThat(health.saturatedSeconds()).isGreaterThanOrEqualTo(2);
            assertThat(health.loopLagMaxMs()).isGreaterThanOrEqualTo(100);
            assertThat(health.message()).contains("load generator was saturated").contains("its own queueing");
        }
    }

    @Test
    void staysQuietWhenItKeepsUp() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            GeneratorHealth health = run(server, false);

            // A stall of every thread (a VM descheduled by its host: 44 ms on this project's machine) delays the
            // loops too; the generator reports it as the machine's (MachineStallTest), and its message says so.
            // Quiet is judged only when nothing stalled the process.
            assumeTrue(!health.stalled(), "the whole process stalled for " + health.worstStallMs() + " ms during the run");
            assertThat(health.seconds()).isGreaterThanOrEqualTo(4);
            assertThat(health.saturated()).as(health.toString()).isFalse();
            assertThat(health.message()).isEmpty();
        }
    }
}
