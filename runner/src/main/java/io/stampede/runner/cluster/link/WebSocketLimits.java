package io.stampede.runner.cluster.link;

/** Frame and message sizes of the worker channel, the same on both ends. */
final class WebSocketLimits {

    /** Longer messages go in several frames. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    /** A snapshot of thousands of rows, or a large LoadTest file, still fits. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** A WebSocket close frame's reason must fit in 123 bytes. */
    static final int MAX_CLOSE_REASON_CHARS = 60;

    private WebSocketLimits() {
    }

    static String closeReason(String reason) {
        return reason.length() <= MAX_CLOSE_REASON_CHARS ? reason : reason.substring(0, MAX_CLOSE_REASON_CHARS);
    }
}
