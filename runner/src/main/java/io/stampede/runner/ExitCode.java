package io.stampede.runner;

/**
 * The process exit codes of every command ({@code run}, {@code validate}, {@code master}, {@code worker}...), as CI
 * scripts rely on them. A worker tells its master its code over the wire as {@link #code()}.
 */
public enum ExitCode {

    /** The run completed and every threshold held (or the command succeeded). */
    OK(0),
    /** The run completed and at least one threshold was breached. */
    THRESHOLD_BREACHED(1),
    /** Bad input or usage: the message names the field or flag. Nothing was sent. */
    BAD_INPUT(2),
    /** The run itself could not happen (the target's host does not resolve, a file cannot be written...). */
    COULD_NOT_RUN(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** What the process exits with, 0..3. */
    public int code() {
        return code;
    }

    /**
     * The exit code a peer reported as a number; a number this version does not know reads as
     * {@link #COULD_NOT_RUN}, so a newer worker's reason never passes for success.
     */
    public static ExitCode ofCode(int code) {
        for (ExitCode exitCode : values()) {
            if (exitCode.code == code) return exitCode;
        }
        return COULD_NOT_RUN;
    }
}
