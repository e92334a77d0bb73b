package io.stampede.runner.cluster.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.cluster.protocol.Protocol;
import io.stampede.runner.cluster.protocol.ProtocolException;
import io.stampede.runner.cluster.protocol.WireOverrides;
import io.stampede.runner.cluster.protocol.WorkerMessage;
import io.stampede.runner.engine.health.GeneratorHealth;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireCodecTest {

    private static final RowKey PRODUCTS = new RowKey("GET", "/api/products/{id}");
    private static final RowKey CART = new RowKey("POST", "/api/cart");

    private static RowStats row(long seed, int requests, int failures, String cause) {
        SplittableRandom random = new SplittableRandom(seed);
        RowStats row = new RowStats();
        for (int i = 0; i < requests; i++) {
            long micros = (long) Math.exp(random.nextDouble(Math.log(300), Math.log(400_000)));
            if (i < failures) row.recordFailure(micros, 10, cause);
            else row.recordSuccess(micros, 120);
        }
        return row;
    }

    @Test
    void aSnapshotArrivesWithTheSameCountsAndHistograms() throws Exception {
        RowStats products = row(1, 500, 3, "HTTP 503");
        RowStats cart = row(2, 40, 0, "");
        Map<RowKey, RowStats> sent = new LinkedHashMap<>();
        sent.put(PRODUCTS, products);
        sent.put(CART, cart);
        WorkerMessage.Snapshot snapshot = new WorkerMessage.Snapshot(7, 42, 30, 1_700_000_000_123L, sent);

        WorkerMessage.Snapshot received = (WorkerMessage.Snapshot) WireCodec.decodeWorkerMessage(WireCodec.encode(snapshot));

        assertThat(received.workerId()).isEqualTo(7);
        assertThat(received.intervalId()).isEqualTo(42);
        assertThat(received.users()).isEqualTo(30);
        assertThat(received.endEpochMillis()).isEqualTo(1_700_000_000_123L);
        assertThat(received.rows().keySet()).containsExactly(PRODUCTS, CART);
        for (Map.Entry<RowKey, RowStats> row : received.rows().entrySet()) {
            RowStats before = sent.get(row.getKey());
            RowStats after = row.getValue();
            assertThat(after.requests()).isEqualTo(before.requests());
            assertThat(after.failures()).isEqualTo(before.failures());
            assertThat(after.contentBytes()).isEqualTo(before.contentBytes());
            assertThat(after.sumLatencyMicros()).isEqualTo(before.sumLatencyMicros());
            assertThat(after.minLatencyMicros()).isEqualTo(before.minLatencyMicros());
            assertThat(after.maxLatencyMicros()).isEqualTo(before.maxLatencyMicros());
            assertThat(after.failuresByCause()).isEqualTo(before.failuresByCause());
            assertThat(after.latencyMicros()).isEqualTo(before.latencyMicros());
            for (double percentile : new double[] {50, 90, 99, 99.9, 100}) {
                assertThat(after.percentileMicros(percentile)).isEqualTo(before.percentileMicros(percentile));
            }
        }
    }

    @Test
    void aRowThatArrivesKeepsGrowingWhenLongerLatenciesAreAddedToIt() throws Exception {
        RowStats fast = row(5, 200, 0, "");
        WorkerMessage.Snapshot snapshot = new WorkerMessage.Snapshot(1, 0, 1, 0, Map.of(PRODUCTS, fast));
        RowStats received = SnapshotCodec.decode(SnapshotCodec.encode(snapshot)).rows().get(PRODUCTS);
        RowStats slow = new RowStats();
        slow.recordSuccess(RowStats.MAX_TRACKABLE_MICROS, 0);

        received.add(slow);
        received.recordSuccess(2 * RowStats.MAX_TRACKABLE_MICROS, 0);

        assertThat(received.requests()).isEqualTo(202);
        assertThat(received.latencyMicros().getTotalCount()).isEqualTo(202);
        assertThat(received.maxLatencyMicros()).isEqualTo(RowStats.MAX_TRACKABLE_MICROS);
    }

    @Test
    void aRealisticRowTakesAFewHundredBytes() {
        WorkerMessage.Snapshot snapshot = new WorkerMessage.Snapshot(1, 0, 10, 0, Map.of(PRODUCTS, row(3, 300, 0, "")));

        assertThat(SnapshotCodec.encode(snapshot).length).isBetween(100, 1000);
    }

    @Test
    void anEmptySnapshotStillSaysItsIntervalIsComplete() throws Exception {
        WorkerMessage.Snapshot empty = new WorkerMessage.Snapshot(2, 9, 0, 5, Map.of());

        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(empty))).isEqualTo(empty);
    }

    @Test
    void refusesTruncatedOrForeignFramesWithAProtocolError() {
        byte[] whole = SnapshotCodec.encode(new WorkerMessage.Snapshot(1, 3, 1, 0, Map.of(CART, row(4, 50, 1, "x"))));
        for (int length : new int[] {0, 2, 10, 40, whole.length / 2, whole.length - 1}) {
            byte[] truncated = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> SnapshotCodec.decode(truncated)).as("%d bytes", length)
                    .isInstanceOf(ProtocolException.class);
        }
        byte[] otherVersion = whole.clone();
        otherVersion[2] = 9;
        assertThatThrownBy(() -> SnapshotCodec.decode(otherVersion)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("version 9");
        byte[] corrupt = whole.clone();
        int histogramAt = whole.length - 40; // inside the compressed histogram
        for (int i = histogramAt; i < histogramAt + 8; i++) corrupt[i] ^= (byte) 0x5a;
        assertThatThrownBy(() -> SnapshotCodec.decode(corrupt)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> WireCodec.decodeWorkerMessage(new Frame.Text("{\"type\":\"dance\"}")))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> WireCodec.decodeMasterMessage(new Frame.Text("[1,2"))).isInstanceOf(ProtocolException.class);
    }

    @Test
    void controlMessagesTravelAsJsonWithTheirType() throws Exception {
        var loadTest = new ObjectMapper().readTree("{\"kind\":\"LoadTest\"}");
        List<MasterMessage> fromMaster = List.of(
                new MasterMessage.Welcome(3, 2, 4, loadTest, new WireOverrides("http://h:1", 5, 2.5, "10s",
                        List.of("a"), null, "30/m", 7, "spike"), true, 1000, 10_000),
                new MasterMessage.Start(), new MasterMessage.Targets(List.of(4, 0, 1)),
                new MasterMessage.Stop("stopped through the API"), new MasterMessage.Stop("the load plan ended", true),
                new MasterMessage.Heartbeat(),
                new MasterMessage.Refused("the run has all its 3 workers"));
        for (MasterMessage message : fromMaster) {
            assertThat(WireCodec.decodeMasterMessage(WireCodec.encode(message))).isEqualTo(message);
        }
        List<WorkerMessage> fromWorker = List.of(new WorkerMessage.Register(Protocol.VERSION, "host-1/123", 8),
                new WorkerMessage.Ready(), new WorkerMessage.Heartbeat(12, ""),
                new WorkerMessage.Finished(31, new GeneratorHealth(8, 50.5, 30.1, 1.2, 4.5, 31, 0)),
                new WorkerMessage.Failed("cannot resolve the target's host 'x'", 3));
        for (WorkerMessage message : fromWorker) {
            assertThat(WireCodec.decodeWorkerMessage(WireCodec.encode(message))).isEqualTo(message);
        }
        assertThat(((Frame.Text) WireCodec.encode(new MasterMessage.Targets(List.of(1, 2)))).json())
                .isEqualTo("{\"type\":\"targets\",\"users\":[1,2]}");
    }

    @Test
    void ignoresFieldsANewerPeerAdds() throws Exception {
        assertThat(WireCodec.decodeWorkerMessage(new Frame.Text("{\"type\":\"heartbeat\",\"users\":3,\"warning\":\"\","
                + "\"cpu\":0.5}"))).isEqualTo(new WorkerMessage.Heartbeat(3, ""));
    }
}
