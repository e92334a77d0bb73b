package io.stampede.runner.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.stampede.runner.engine.http.RequestEncoder;
import io.stampede.runner.scenario.StepPlan;
import io.stampede.runner.scenario.TemplateContext;

/**
 * A step prepared for sending: its bytes when they never change, and the flags the connection needs.
 * Immutable and shared by all users and loops.
 */
final class StepRuntime {

    final StepPlan plan;
    final int row;
    final long timeoutMillis;
    final boolean keepResponse;
    final boolean headRequest;
    private final ByteBuf constantBytes;

    StepRuntime(StepPlan plan, RequestEncoder encoder) {
        this.plan = plan;
        this.row = plan.request().row();
        this.timeoutMillis = plan.request().timeoutMillis();
        this.keepResponse = plan.needsBody();
        this.headRequest = plan.request().method().equals("HEAD");
        this.constantBytes = plan.request().isConstant() ? encoder.preEncode(plan.request()) : null;
    }

    /** The request bytes for this user; the caller owns (and the connection releases) the returned buffer. */
    ByteBuf encode(RequestEncoder encoder, TemplateContext user, ByteBufAllocator allocator) {
        return constantBytes != null ? constantBytes.duplicate() : encoder.encode(plan.request(), user, allocator);
    }

    static StepRuntime[] of(java.util.List<StepPlan> steps, RequestEncoder encoder) {
        StepRuntime[] runtimes = new StepRuntime[steps.size()];
        for (int i = 0; i < runtimes.length; i++) {
            runtimes[i] = new StepRuntime(steps.get(i), encoder);
        }
        return runtimes;
    }
}
