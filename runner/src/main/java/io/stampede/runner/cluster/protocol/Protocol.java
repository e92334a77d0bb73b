package io.stampede.runner.cluster.protocol;

/** Constants of the master-worker protocol (docs/distributed.md). */
public final class Protocol {

    /** Bumped on any change a peer of the previous version would misread; the master refuses other versions. */
    public static final int VERSION = 2;
    /** The worker channel: a WebSocket on the master's port. */
    public static final String WORKER_PATH = "/api/v1/workers";
    /** How a caller presents the shared token: {@code Authorization: Bearer TOKEN}. */
    public static final String BEARER = "Bearer ";

    private Protocol() {
    }
}
