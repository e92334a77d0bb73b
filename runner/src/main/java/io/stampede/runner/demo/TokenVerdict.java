package io.stampede.runner.demo;

/** The outcome of checking a bearer token. */
sealed interface TokenVerdict {

    /** Signed by this process and not yet expired. */
    record Valid(String subject) implements TokenVerdict {
    }

    /** Signed by this process but past its {@code exp}: a client should log in again. */
    record Expired(String subject) implements TokenVerdict {
    }

    /** Missing, malformed, or not signed by this process. */
    record Invalid(String reason) implements TokenVerdict {
    }
}
