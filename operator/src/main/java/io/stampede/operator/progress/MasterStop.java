package io.stampede.operator.progress;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;

import java.time.Duration;
import java.util.Optional;

/**
 * Asks a run's master to stop (POST /api/v1/stop with the run's token), trying twice with a short back-off and
 * giving up after {@link #DEADLINE}. Blocks the calling thread (a reconcile) for at most that long; a master that
 * cannot be asked is reported, and the caller asks again at its next reconcile.
 */
public final class MasterStop {

    static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration BACK_OFF = Duration.ofMillis(300);

    private MasterStop() {
    }

    /** @return empty when the master took the request, else why it could not be asked (for status.message) */
    public static Optional<String> ask(MasterClient client, String baseUrl, String token) {
        try {
            Uni.createFrom().item(Unchecked.supplier(() -> {
                        client.stop(baseUrl, token);
                        return Boolean.TRUE;
                    }))
                    .onFailure().retry().withBackOff(BACK_OFF).atMost(1)
                    .await().atMost(DEADLINE);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(reason(e));
        }
    }

    /** The client's own reason when there is one (Mutiny wraps it: retries exhausted, completion), else the first. */
    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MasterClient.MasterUnreachable) return cause.getMessage();
        }
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            return "no answer within " + DEADLINE.toSeconds() + "s";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
