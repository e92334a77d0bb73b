package io.stampede.runner.cluster.link;

import io.stampede.runner.cluster.master.MasterEndpoint;
import io.stampede.runner.cluster.master.WorkerConnection;
import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.cluster.protocol.ProtocolException;
import io.vertx.core.http.ServerWebSocket;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The master's end of a worker's WebSocket. Frames are decoded on the server's event loop and handed to the
 * {@link MasterEndpoint}, which queues them onto the master's thread; a frame that is not of the protocol closes
 * the channel.
 */
public final class WebSocketWorkerConnection implements WorkerConnection {

    /** Sent to every worker every second: encoded once. */
    private static final String HEARTBEAT = ((Frame.Text) WireCodec.encode(new MasterMessage.Heartbeat())).json();

    private final ServerWebSocket socket;
    private final MasterEndpoint master;
    private final String remoteAddress;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebSocketWorkerConnection(ServerWebSocket socket, MasterEndpoint master) {
        this.socket = socket;
        this.master = master;
        this.remoteAddress = String.valueOf(socket.remoteAddress());
    }

    /** Wires an accepted WebSocket (token already checked) to the master. On the socket's event loop. */
    public static void accept(ServerWebSocket socket, MasterEndpoint master) {
        WebSocketWorkerConnection connection = new WebSocketWorkerConnection(socket, master);
        socket.textMessageHandler(text -> connection.deliver(new Frame.Text(text)));
        socket.binaryMessageHandler(bytes -> connection.deliver(new Frame.Binary(bytes.getBytes())));
        socket.exceptionHandler(error -> connection.close("channel error: " + error.getMessage()));
        socket.closeHandler(ignored -> connection.closedByPeer());
        master.connected(connection);
    }

    private void deliver(Frame frame) {
        if (closed.get()) return;
        try {
            master.received(this, WireCodec.decodeWorkerMessage(frame));
        } catch (ProtocolException e) {
            close("a frame that is not of the protocol: " + e.getMessage());
        }
    }

    private void closedByPeer() {
        if (closed.compareAndSet(false, true)) {
            master.closed(this, "closed by the worker");
        }
    }

    @Override
    public void send(MasterMessage message) {
        if (closed.get()) return;
        socket.writeTextMessage(message instanceof MasterMessage.Heartbeat ? HEARTBEAT
                : ((Frame.Text) WireCodec.encode(message)).json());
    }

    @Override
    public void close(String reason) {
        if (closed.compareAndSet(false, true)) {
            socket.close((short) 1000, WebSocketLimits.closeReason(reason));
            master.closed(this, reason);
        }
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }
}
