package io.stampede.runner.cli.args;

/**
 * The command line is wrong: an unknown option, a missing or malformed value. The message names the option or
 * parameter and says what was expected; the caller prints it with a hint to {@code --help} and exits with 2.
 */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
