package io.stampede.runner.engine;

import io.stampede.plugin.StepContext;
import io.stampede.plugin.StepResult;
import io.stampede.plugin.UserContext;
import io.stampede.runner.plugin.PluginCallException;
import io.stampede.runner.plugin.PluginCalls;
import io.stampede.runner.scenario.PluginStepPlan;
import io.stampede.runner.scenario.TemplateContext;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of a plugin's custom step for one user: starts it, waits for its stage at most the step's timeout, and
 * hands the outcome to the user on its loop once: a {@link StepResult}, or the failure cause ({@code plugin NAME:
 * <message>}, {@code plugin NAME: did not finish within T}). A completion after the timeout or after
 * {@link #cancel} is ignored.
 *
 * <p>Threading: created and settled on the user's event loop; the plugin's stage may complete on any thread (the
 * outcome is handed over on the loop, always on a later turn, so a step that completes at once does not recurse
 * into the next).
 */
final class PluginStepRun implements StepContext {

    /**
     * The outcome: exactly one of result and cause is set.
     *
     * @param immediate the step failed before {@code start} returned (it threw, or returned a stage already
     *                  failed): nothing left the generator, so the user pauses as after a local failure
     */
    record Outcome(StepResult result, String cause, boolean immediate) {
    }

    private final PluginStepPlan plan;
    private final ScheduledExecutorService loop;
    private final TemplateContext user;
    private final String[] slots;
    private final List<String> slotNames;
    private final Consumer<Outcome> onOutcome;
    private ScheduledFuture<?> deadline;
    private boolean settled;
    /** Inside the plugin's start: a completion seen now happened before it returned. */
    private boolean starting;

    /**
     * @param slots     the user's extracted values (read, never written)
     * @param slotNames their names, by slot index
     * @param onOutcome called once on the loop, unless cancelled first
     */
    PluginStepRun(PluginStepPlan plan, ScheduledExecutorService loop, TemplateContext user, String[] slots,
                  List<String> slotNames, Consumer<Outcome> onOutcome) {
        this.plan = plan;
        this.loop = loop;
        this.user = user;
        this.slots = slots;
        this.slotNames = slotNames;
        this.onOutcome = onOutcome;
    }

    /** Starts the step. On the loop. */
    void start() {
        deadline = loop.schedule(() -> settle(new Outcome(null, "plugin " + plan.name() + ": did not finish within "
                + plan.timeoutText(), false)), plan.timeoutMillis(), TimeUnit.MILLISECONDS);
        CompletionStage<StepResult> stage;
        PluginCalls.Slot slot = PluginCalls.enter(plan.name());
        starting = true;
        try {
            stage = plan.step().start(this);
            if (stage == null) {
                throw new IllegalStateException("start returned null instead of a stage");
            }
        } catch (Exception | LinkageError e) {
            starting = false;
            Outcome failed = new Outcome(null, PluginCallException.cause(plan.name(), e), true);
            loop.execute(() -> settle(failed));
            return;
        } finally {
            slot.exit();
        }
        stage.whenComplete((result, error) -> {
            boolean immediate = starting && loop instanceof io.netty.util.concurrent.EventExecutor executor
                    && executor.inEventLoop();
            Outcome outcome;
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                outcome = new Outcome(null, PluginCallException.cause(plan.name(), cause), immediate);
            } else if (result == null) {
                outcome = new Outcome(null, "plugin " + plan.name() + ": completed without a result", immediate);
            } else if (result.failure() != null) {
                outcome = new Outcome(null, PluginCallException.cause(plan.name(),
                        new RuntimeException(result.failure())), immediate);
            } else {
                outcome = new Outcome(result, null, false);
            }
            loop.execute(() -> settle(outcome));
        });
        starting = false;
    }

    /** The user no longer waits (interrupted or ended): a later outcome is dropped. On the loop. */
    void cancel() {
        settled = true;
        if (deadline != null) deadline.cancel(false);
    }

    private void settle(Outcome outcome) {
        if (settled) return;
        settled = true;
        deadline.cancel(false);
        onOutcome.accept(outcome);
    }

    @Override
    public ScheduledExecutorService loop() {
        return loop;
    }

    @Override
    public String setting(String name) {
        return plan.settings().value(name, user);
    }

    @Override
    public String variable(String name) {
        int slot = slotNames.indexOf(name);
        return slot < 0 ? null : slots[slot];
    }

    @Override
    public UserContext user() {
        return user;
    }
}
