package io.stampede.runner.cluster.link;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cluster.protocol.Frame;
import io.stampede.runner.cluster.protocol.ProtocolException;
import io.stampede.runner.cluster.protocol.Protocol;
import io.stampede.runner.cluster.protocol.WireCodec;
import io.stampede.runner.cluster.protocol.WorkerMessage;
import io.stampede.runner.cluster.worker.MasterLink;
import io.stampede.runner.cluster.worker.WorkerAgent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The worker's end of its WebSocket to the master, on a Vert.x instance of its own (not the engine's event
 * loops), so that heartbeats and snapshots never queue behind the load.
 *
 * <p>Connecting retries once a second until {@code connectTimeoutMillis} (the master may start after its
 * workers); a master that turns the token away ends the worker at once with exit code 2.
 */
public final class WebSocketMasterLink implements MasterLink {

    static final long RETRY_MILLIS = 1000;

    private final WebSocket socket;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebSocketMasterLink(WebSocket socket) {
        this.socket = socket;
    }

    /**
     * Connects {@code agent} to the master at host:port; the agent hears of the outcome (attached, or failed to
     * connect). Returns at once.
     *
     * @param control a Vert.x instance for the channel alone
     * @param log     progress lines for people
     */
    public static void connect(Vertx control, String host, int port, SharedToken token, WorkerAgent agent,
                               long connectTimeoutMillis, Consumer<String> log) {
        WebSocketClient client = control.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(WebSocketLimits.MAX_FRAME_BYTES)
                .setMaxMessageSize(WebSocketLimits.MAX_MESSAGE_BYTES)
                .setConnectTimeout((int) Math.min(connectTimeoutMillis, 10_000)));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port)
                .setURI(Protocol.WORKER_PATH).addHeader("Authorization", token.authorizationHeader());
        long deadline = System.nanoTime() + connectTimeoutMillis * 1_000_000;
        attempt(control, client, options, agent, deadline, host + ":" + port, log, true);
    }

    private static void attempt(Vertx control, WebSocketClient client, WebSocketConnectOptions options,
                                WorkerAgent agent, long deadlineNanos, String master, Consumer<String> log,
                                boolean first) {
        client.connect(options).onSuccess(socket -> {
            log.accept("Connected to the master at " + master + ".");
            agent.attach(wire(socket, agent));
        }).onFailure(error -> {
            if (error instanceof UpgradeRejectedException rejected) {
                int status = rejected.getStatus();
                boolean refused = status == 401 || status == 403;
                agent.failToConnect(refused ? ExitCode.BAD_INPUT : ExitCode.COULD_NOT_RUN, refused
                        ? "the master at " + master + " refused this worker's token (--token-file or "
                        + SharedToken.ENV + ")"
                        : "the master at " + master + " answered HTTP " + status + " instead of a WebSocket");
                client.close();
            } else if (System.nanoTime() - deadlineNanos > 0) {
                agent.failToConnect(ExitCode.COULD_NOT_RUN, "cannot reach the master at " + master + ": "
                        + error.getMessage());
                client.close();
            } else {
                if (first) log.accept("Waiting for the master at " + master + " (" + error.getMessage() + ")...");
                control.setTimer(RETRY_MILLIS, id -> attempt(control, client, options, agent, deadlineNanos, master,
                        log, false));
            }
        });
    }

    private static WebSocketMasterLink wire(WebSocket socket, WorkerAgent agent) {
        WebSocketMasterLink link = new WebSocketMasterLink(socket);
        socket.textMessageHandler(text -> {
            try {
                agent.received(WireCodec.decodeMasterMessage(new Frame.Text(text)));
            } catch (ProtocolException e) {
                link.close();
                agent.closed("the master sent a frame that is not of the protocol: " + e.getMessage());
            }
        });
        socket.exceptionHandler(error -> agent.closed("channel error: " + error.getMessage()));
        socket.closeHandler(ignored -> {
            link.closed.set(true);
            String reason = socket.closeReason();
            agent.closed(reason == null || reason.isEmpty() ? "closed by the master" : reason);
        });
        return link;
    }

    @Override
    public void send(WorkerMessage message) {
        if (closed.get()) return;
        Frame frame = WireCodec.encode(message);
        if (frame instanceof Frame.Binary binary) {
            socket.writeBinaryMessage(Buffer.buffer(binary.bytes()));
        } else {
            socket.writeTextMessage(((Frame.Text) frame).json());
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            socket.close((short) 1000, "worker done");
        }
    }
}
