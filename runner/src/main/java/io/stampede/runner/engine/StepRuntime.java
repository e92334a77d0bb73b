package io.stampede.runner.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.stampede.runner.engine.http.InvalidRequestException;
import io.stampede.runner.engine.http.RequestEncoder;
import io.stampede.runner.engine.http.SignedConstantRequest;
import io.stampede.runner.scenario.PluginStepPlan;
import io.stampede.runner.scenario.StepPlan;
import io.stampede.runner.scenario.TemplateContext;

/**
 * A step prepared for sending: its bytes when they never change (all but a signer's headers, for a signed
 * request), and the flags the connection needs.
 * Immutable and shared by all users and loops.
 */
final class StepRuntime {

    final StepPlan plan;
    /** A plugin's custom step (no request), or null. */
    final PluginStepPlan pluginStep;
    final int row;
    final long timeoutMillis;
    final boolean keepResponse;
    final boolean headRequest;
    /** May be sent twice (RFC 9110 9.2.2), so a stale keep-alive connection's request is sent again. */
    final boolean idempotent;
    /** Redirects this step follows, >= 0, and the row counting them (see {@code Scenario.hopRowOf}). */
    final int followRedirects;
    final int hopRow;
    /** The path from the target's root when it never changes, else null (rendered per send). */
    final String constantPath;
    /** A 307/308 answer repeats the body: the user keeps the sent bytes until the answer (only for a body). */
    final boolean keepsSentBody;
    private final ByteBuf constantBytes;
    /** A signed request encoded once but for its signer's headers, or null. */
    private final SignedConstantRequest signedConstant;
    /** Why a constant request cannot be sent (a value not legal where it goes), or null. */
    private final InvalidRequestException constantInvalid;

    /** @param hopRow the row that counts this step's redirect hops */
    StepRuntime(StepPlan plan, RequestEncoder encoder, int hopRow) {
        this.plan = plan;
        this.pluginStep = plan.pluginStep();
        this.hopRow = hopRow;
        if (pluginStep != null) {
            this.row = pluginStep.row();
            this.followRedirects = 0;
            this.constantPath = null;
            this.keepsSentBody = false;
            this.timeoutMillis = pluginStep.timeoutMillis();
            this.keepResponse = false;
            this.headRequest = false;
            this.idempotent = false;
            this.constantBytes = null;
            this.signedConstant = null;
            this.constantInvalid = null;
            return;
        }
        this.row = plan.request().row();
        this.followRedirects = plan.request().followRedirects();
        this.constantPath = plan.request().pathAndQuery().isConstant() ? encoder.renderPath(plan.request(), null) : null;
        this.keepsSentBody = followRedirects > 0 && plan.request().body() != null;
        this.timeoutMillis = plan.request().timeoutMillis();
        this.keepResponse = plan.needsBody();
        this.headRequest = plan.request().method().equals("HEAD");
        this.idempotent = switch (plan.request().method()) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
        ByteBuf bytes = null;
        SignedConstantRequest signed = null;
        InvalidRequestException invalid = null;
        try {
            if (plan.request().isConstant()) {
                bytes = encoder.preEncode(plan.request());
            } else if (plan.request().signer() != null && plan.request().rendersConstant()) {
                signed = encoder.preEncodeSigned(plan.request());
            }
        } catch (InvalidRequestException e) {
            invalid = e; // each send fails with this cause, counted like any other failure
        }
        this.constantBytes = bytes;
        this.signedConstant = signed;
        this.constantInvalid = invalid;
    }

    /**
     * The request bytes for this user; the caller owns (and the connection releases) the returned buffer.
     *
     * @throws InvalidRequestException when a rendered value is not legal where it goes
     */
    ByteBuf encode(RequestEncoder encoder, TemplateContext user, ByteBufAllocator allocator) {
        if (constantInvalid != null) throw constantInvalid;
        if (constantBytes != null) return constantBytes.duplicate();
        if (signedConstant != null) return encoder.encodeSigned(signedConstant, user, allocator);
        return encoder.encode(plan.request(), user, allocator);
    }

    /**
     * The request bytes for this user with its path rendered by the caller and its cookies, for a user whose jar
     * holds cookies (the shared constant bytes cannot carry them).
     */
    ByteBuf encode(RequestEncoder encoder, TemplateContext user, ByteBufAllocator allocator, String path,
                   String cookie) {
        if (constantInvalid != null) throw constantInvalid;
        return encoder.encode(plan.request(), user, allocator, path, cookie);
    }

    /** @param rowCount the scenario's row count: a step's hop row is {@code rowCount + row} */
    static StepRuntime[] of(java.util.List<StepPlan> steps, RequestEncoder encoder, int rowCount) {
        StepRuntime[] runtimes = new StepRuntime[steps.size()];
        for (int i = 0; i < runtimes.length; i++) {
            runtimes[i] = new StepRuntime(steps.get(i), encoder, rowCount + steps.get(i).row());
        }
        return runtimes;
    }
}
