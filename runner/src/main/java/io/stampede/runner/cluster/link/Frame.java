package io.stampede.runner.cluster.link;

/** One message on the wire: a WebSocket text frame (JSON) or binary frame (a snapshot). Immutable by convention. */
public sealed interface Frame {

    record Text(String json) implements Frame {
    }

    /** The bytes are owned by the frame: neither side changes them after handing them over. */
    record Binary(byte[] bytes) implements Frame {
    }
}
