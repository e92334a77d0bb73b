package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

import java.io.IOException;

/**
 * One virtual user's keep-alive connection, like a browser tab's: at most one request in flight (no pipelining,
 * which would break one-request-per-user semantics), opened on first use and reopened after the server or an
 * error closed it.
 *
 * <p>Threading: confined to the user's event loop. The listener is called exactly once per {@link #send}, never
 * from inside {@code send} itself (failures found while sending are delivered on a later turn of the loop), so
 * a user that sends again from its callback cannot recurse.
 *
 * <p>A stale keep-alive connection (one the server closed while it was idle, the close not yet seen) fails the request
 * written on it before any byte of the response comes back. An idempotent request is then sent once more on a new
 * connection, as browsers and urllib3 do; the listener hears one outcome, timed from the first send. A request on a
 * new connection, a non-idempotent one, or one whose response had begun, is never sent twice.
 *
 * <p>Timeouts are enforced by {@link #checkTimeout}, which the loop calls periodically for every connection: one
 * sweep per loop is cheaper than a scheduled task per request. A response read after its deadline, before a sweep
 * saw it pass, is a timeout too: a loop that ran late (busy, or its process stalled) reads what arrived meanwhile
 * before it runs its overdue sweep, and a request is never a success slower than its timeout.
 */
public final class HttpConnection implements ResponseReader.Sink {

    private final ConnectionFactory factory;
    private final boolean writesDirectly;
    private Channel channel;
    private ResponseReader reader;

    private ResponseListener listener;
    private long deadlineNanos;
    private long timeoutMillis;
    private boolean keepBody;
    private boolean keepHeaders;
    private boolean headRequest;
    /**
     * The request in flight on a reused connection, kept to send once more (see {@link #send}); else null. It is
     * the sent buffer itself with a reference of its own, not a copy or a duplicate: a partial write moves its reader
     * index, so {@link #resendFrom}/{@link #resendTo} put it back before it is sent again.
     */
    private ByteBuf resend;
    private int resendFrom;
    private int resendTo;

    public HttpConnection(ConnectionFactory factory) {
        this.factory = factory;
        this.writesDirectly = factory.writesDirectly();
    }

    /**
     * Sends one request; the answer goes to the listener.
     *
     * @param request       the encoded request; ownership passes to the connection
     * @param idempotent    the method may be sent twice (GET, HEAD, PUT, DELETE, OPTIONS, TRACE): a request that
     *                      finds its kept-alive connection closed by the server is then sent again, see the class
     * @param timeoutMillis from now until the last byte of the response (connecting included), > 0
     */
    public void send(ByteBuf request, boolean idempotent, boolean keepBody, boolean keepHeaders, boolean headRequest,
                     long timeoutMillis, ResponseListener listener) {
        if (this.listener != null) {
            request.release();
            throw new IllegalStateException("a request is already in flight on this connection");
        }
        this.listener = listener;
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        this.keepBody = keepBody;
        this.keepHeaders = keepHeaders;
        this.headRequest = headRequest;
        if (channel != null && channel.isActive()) {
            reader.expect(keepBody, keepHeaders, headRequest);
            // The server may have closed this idle connection just now, its FIN not yet read: keep the bytes to
            // send them once more on a new connection if nothing of the response arrives (released on the first
            // response byte, or with the request).
            if (idempotent) {
                resend = request.retain();
                resendFrom = request.readerIndex();
                resendTo = request.writerIndex();
            }
            write(request);
            return;
        }
        connectAndWrite(request);
    }

    /** Opens a new connection and writes the request once it is up. */
    private void connectAndWrite(ByteBuf request) {
        dropChannel();
        ResponseReader fresh = factory.newReader(this);
        fresh.expect(keepBody, keepHeaders, headRequest);
        ChannelFuture connecting;
        try {
            connecting = factory.connect(fresh);
        } catch (ConnectionFactory.CannotConnect e) {
            request.release();
            fail(e.getMessage(), true);
            return;
        }
        reader = fresh;
        channel = connecting.channel();
        connecting.addListener(done -> {
            if (reader != fresh) {
                request.release(); // given up on (timeout or close) while connecting
            } else if (done.isSuccess()) {
                write(request);
            } else {
                request.release();
                fail(FailureCauses.of(done.cause()));
            }
        });
    }

    /**
     * The reused connection ended before any byte of the response: sends the request again, once, on a new
     * connection, as browsers and urllib3 do. Returns false when there is nothing to resend.
     */
    private boolean resendOnNewConnection() {
        ByteBuf again = resend;
        if (again == null || listener == null) return false;
        resend = null;
        // The first write has ended (written, or failed and released by the pipeline) on this loop: the buffer is
        // ours alone again, its bytes unchanged; only the indices moved.
        connectAndWrite(again.setIndex(resendFrom, resendTo));
        return true;
    }

    private void dropResend() {
        if (resend != null) {
            resend.release();
            resend = null;
        }
    }

    /** Writes the request to the open channel; a write that fails fails the request on a later turn. */
    private void write(ByteBuf request) {
        if (writesDirectly) {
            try {
                if (SocketWrites.write(channel, request)) return;
            } catch (IOException e) {
                if (!resendOnNewConnection()) fail(FailureCauses.of(e));
                return;
            }
        }
        channel.writeAndFlush(request, channel.voidPromise());
    }

    /** True while a request waits for its answer. */
    public boolean inFlight() {
        return listener != null;
    }

    /** Fails the request in flight when its deadline has passed. Called by the loop's timeout sweep. */
    public void checkTimeout(long nowNanos) {
        failIfOverdue(nowNanos);
    }

    /** Fails the request in flight as a timeout when its deadline is before {@code nowNanos}; true if it did. */
    private boolean failIfOverdue(long nowNanos) {
        if (listener == null || nowNanos - deadlineNanos <= 0) return false;
        fail(FailureCauses.timeout(timeoutMillis));
        return true;
    }

    /** Fails the request in flight, if any, with the given cause, and closes the connection. */
    public void abort(String cause) {
        if (listener != null) fail(cause);
        else close();
    }

    /** Closes the connection; a request in flight is not answered (use {@link #abort} for that). */
    public void close() {
        dropResend();
        listener = null;
        dropChannel();
    }

    @Override
    public void onResponseBytes() {
        if (resend != null) dropResend(); // the server has the request: never send it twice
    }

    @Override
    public void onResponse(Response response, boolean connectionClose) {
        if (failIfOverdue(System.nanoTime())) return;
        dropResend();
        ResponseListener l = listener;
        listener = null;
        if (connectionClose) dropChannel();
        if (l != null) l.onResponse(response);
    }

    @Override
    public void onProtocolError(String cause) {
        fail(cause);
    }

    @Override
    public void onClosed() {
        channel = null;
        reader = null;
        if (listener != null && !resendOnNewConnection()) fail(FailureCauses.CLOSED_BEFORE_RESPONSE);
    }

    @Override
    public void onException(Throwable cause) {
        if (!resendOnNewConnection()) fail(FailureCauses.of(cause));
    }

    /**
     * Delivers a failure on a later turn of the loop: a connect that fails at once (refused on loopback) must not
     * call back into the user from inside its own send.
     */
    private void fail(String cause) {
        fail(cause, false);
    }

    /** @param local the request never left the generator (see {@link ResponseListener#onFailure}) */
    private void fail(String cause, boolean local) {
        dropResend();
        ResponseListener l = listener;
        listener = null;
        dropChannel();
        if (l != null) factory.eventLoop().execute(() -> l.onFailure(cause, local));
    }

    private void dropChannel() {
        if (reader != null) {
            reader.detach();
            reader = null;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
