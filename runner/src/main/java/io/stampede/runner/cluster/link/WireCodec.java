package io.stampede.runner.cluster.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.cluster.protocol.Protocol;
import io.stampede.runner.cluster.protocol.ProtocolException;
import io.stampede.runner.cluster.protocol.WorkerMessage;

/**
 * Messages to WebSocket frames and back: snapshots as binary ({@link SnapshotCodec}), everything else as JSON.
 * Unknown JSON fields are ignored, so that a newer peer may add fields. Only the WebSocket link uses it: an
 * in-process link hands messages over as they are. Thread safe.
 */
public final class WireCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireCodec() {
    }

    public static Frame encode(WorkerMessage message) {
        if (message instanceof WorkerMessage.Snapshot snapshot) {
            return new Frame.Binary(SnapshotCodec.encode(snapshot));
        }
        return new Frame.Text(json(message, WorkerMessage.class));
    }

    public static Frame encode(MasterMessage message) {
        return new Frame.Text(json(message, MasterMessage.class));
    }

    public static WorkerMessage decodeWorkerMessage(Frame frame) throws ProtocolException {
        if (frame instanceof Frame.Binary binary) {
            return SnapshotCodec.decode(binary.bytes());
        }
        return parse(((Frame.Text) frame).json(), WorkerMessage.class);
    }

    public static MasterMessage decodeMasterMessage(Frame frame) throws ProtocolException {
        if (frame instanceof Frame.Text text) {
            return parse(text.json(), MasterMessage.class);
        }
        throw new ProtocolException("the master sends no binary frames");
    }

    private static <T> String json(T message, Class<T> type) {
        try {
            return JSON.writerFor(type).writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a protocol message failed to serialise", e);
        }
    }

    private static <T> T parse(String text, Class<T> type) throws ProtocolException {
        try {
            T message = JSON.readValue(text, type);
            if (message == null) throw new ProtocolException("an empty message");
            return message;
        } catch (JsonProcessingException e) {
            throw new ProtocolException("not a message of protocol " + Protocol.VERSION + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
