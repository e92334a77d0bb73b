package io.stampede.runner.hooks;

/**
 * How one setup or teardown step went.
 *
 * @param path    the step's field path ({@code spec.setup[1]})
 * @param failure why it failed (a status, a check, a timeout; never a value it sent or received), or null
 */
public record StepOutcome(String path, String failure) {

    public boolean ok() {
        return failure == null;
    }
}
