package io.stampede.runner.cli;

/** The process exit codes, as CI scripts rely on them. */
public final class ExitCodes {

    /** The run completed and every threshold held (or the command succeeded). */
    public static final int OK = 0;
    /** The run completed and at least one threshold was breached. */
    public static final int THRESHOLD_BREACHED = 1;
    /** Bad input or usage: the message names the field or flag. Nothing was sent. */
    public static final int BAD_INPUT = 2;
    /** The run itself could not happen (the target's host does not resolve, a file cannot be written...). */
    public static final int COULD_NOT_RUN = 3;

    private ExitCodes() {
    }
}
