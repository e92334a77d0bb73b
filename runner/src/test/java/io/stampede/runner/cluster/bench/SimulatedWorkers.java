package io.stampede.runner.cluster.bench;

import io.stampede.runner.cluster.link.Frame;
import io.stampede.runner.cluster.link.SnapshotCodec;
import io.stampede.runner.cluster.link.WireCodec;
import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.cluster.protocol.Protocol;
import io.stampede.runner.cluster.protocol.ProtocolException;
import io.stampede.runner.cluster.protocol.WorkerMessage;
import io.stampede.runner.engine.health.GeneratorHealth;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Light stand-ins for many workers, for measuring the master alone (bench/master-scale.sh): each registers like a
 * real worker, then sends a heartbeat and a snapshot of realistic rows every second until the master says stop.
 * Snapshot frames are encoded up front (a pool of different ones per worker, so the master never sees the same
 * bytes twice in a row); only the frame header's worker and interval ids change per second, so this process stays
 * cheap.
 *
 * <p>Usage: {@code SimulatedWorkers HOST:PORT TOKEN WORKERS ROWS}. Exits when every simulated worker was told to
 * stop (or after 30 minutes).
 */
public final class SimulatedWorkers {

    private static final int SNAPSHOTS_PER_WORKER = 5;

    public static void main(String[] args) throws Exception {
        String[] hostPort = args[0].split(":");
        String token = args[1];
        int workers = Integer.parseInt(args[2]);
        int rows = Integer.parseInt(args[3]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(workers * 2).setMaxFrameSize(64 * 1024).setMaxMessageSize(16 * 1024 * 1024));
        CountDownLatch stopped = new CountDownLatch(workers);
        AtomicInteger snapshotsSent = new AtomicInteger();
        long bytes = 0;
        for (int i = 0; i < workers; i++) {
            List<byte[]> pool = snapshotPool(i, rows);
            bytes += pool.stream().mapToLong(frame -> frame.length).sum();
            String name = "sim-" + i;
            client.connect(new WebSocketConnectOptions().setHost(hostPort[0]).setPort(Integer.parseInt(hostPort[1]))
                            .setURI(Protocol.WORKER_PATH).addHeader("Authorization", Protocol.BEARER + token))
                    .onSuccess(socket -> new Simulated(vertx, socket, name, pool, stopped, snapshotsSent).begin())
                    .onFailure(error -> {
                        System.err.println(name + ": " + error.getMessage());
                        stopped.countDown();
                    });
        }
        System.out.printf("simulating %d workers, %d rows each, ~%d bytes per snapshot%n", workers, rows,
                bytes / workers / SNAPSHOTS_PER_WORKER);
        stopped.await(30, TimeUnit.MINUTES);
        System.out.println("snapshots sent: " + snapshotsSent.get());
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Rows as a worker under load records them: 50-250 requests per row and second, log-normal around 20 ms. */
    private static List<byte[]> snapshotPool(int worker, int rows) {
        SplittableRandom random = new SplittableRandom(worker * 7919L + 1);
        List<byte[]> pool = new ArrayList<>();
        for (int s = 0; s < SNAPSHOTS_PER_WORKER; s++) {
            Map<RowKey, RowStats> snapshot = new LinkedHashMap<>();
            for (int r = 0; r < rows; r++) {
                RowStats stats = new RowStats();
                int requests = random.nextInt(50, 251);
                double medianMs = 5 + 3 * r;
                for (int k = 0; k < requests; k++) {
                    long micros = (long) (1000 * medianMs * Math.exp(0.8 * random.nextGaussian()));
                    if (random.nextInt(100) == 0) stats.recordFailure(micros, 0, k % 2 == 0 ? "HTTP 503" : "timeout after 10s");
                    else stats.recordSuccess(micros, 700 + random.nextInt(300));
                }
                snapshot.put(new RowKey(r % 3 == 0 ? "POST" : "GET", "/api/resource-" + r), stats);
            }
            pool.add(SnapshotCodec.encode(new WorkerMessage.Snapshot(0, 0, 10, 0, snapshot)));
        }
        return pool;
    }

    /** One simulated worker, on the single event loop. */
    private static final class Simulated {

        private final Vertx vertx;
        private final WebSocket socket;
        private final String name;
        private final List<byte[]> pool;
        private final CountDownLatch stopped;
        private final AtomicInteger snapshotsSent;
        private int workerId;
        private boolean started;
        private long interval;
        private long timer = -1;
        private boolean done;

        Simulated(Vertx vertx, WebSocket socket, String name, List<byte[]> pool, CountDownLatch stopped,
                  AtomicInteger snapshotsSent) {
            this.vertx = vertx;
            this.socket = socket;
            this.name = name;
            this.pool = pool;
            this.stopped = stopped;
            this.snapshotsSent = snapshotsSent;
        }

        void begin() {
            socket.textMessageHandler(this::onText);
            socket.closeHandler(ignored -> finish());
            send(new WorkerMessage.Register(Protocol.VERSION, name, 1));
            timer = vertx.setPeriodic(1000, id -> tick(false));
        }

        private void onText(String text) {
            MasterMessage message;
            try {
                message = WireCodec.decodeMasterMessage(new Frame.Text(text));
            } catch (ProtocolException e) {
                System.err.println(name + ": " + e.getMessage());
                return;
            }
            if (message instanceof MasterMessage.Welcome welcome) {
                workerId = welcome.workerId();
                send(new WorkerMessage.Ready());
            } else if (message instanceof MasterMessage.Start) {
                started = true;
                vertx.cancelTimer(timer);
                timer = vertx.setPeriodic(1000, id -> tick(false));
            } else if (message instanceof MasterMessage.Stop) {
                tick(true);
            }
        }

        private void tick(boolean last) {
            if (done) return;
            send(new WorkerMessage.Heartbeat(10, ""));
            if (!started) return;
            // The frame's header (SnapshotCodec): worker id at byte 3, interval id at 7, end time at 19.
            ByteBuffer frame = ByteBuffer.wrap(pool.get((int) (interval % pool.size())).clone());
            frame.putInt(3, workerId).putLong(7, interval++).putLong(19, System.currentTimeMillis());
            socket.writeBinaryMessage(Buffer.buffer(frame.array()));
            snapshotsSent.incrementAndGet();
            if (last) {
                vertx.cancelTimer(timer);
                send(new WorkerMessage.Finished(interval, new GeneratorHealth(1, 10, 10, 0.1, 0.5, interval, 0)));
                done = true;
            }
        }

        private void send(WorkerMessage message) {
            Frame frame = WireCodec.encode(message);
            if (frame instanceof Frame.Binary binary) socket.writeBinaryMessage(Buffer.buffer(binary.bytes()));
            else socket.writeTextMessage(((Frame.Text) frame).json());
        }

        private void finish() {
            if (timer >= 0) vertx.cancelTimer(timer);
            stopped.countDown();
        }
    }
}
