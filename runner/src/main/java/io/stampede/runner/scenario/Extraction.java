package io.stampede.runner.scenario;

/**
 * Takes a value out of a response into one of the user's slots, e.g. {@code token: {jsonPath: $.access_token}}.
 *
 * @param name   the variable's name, for messages
 * @param slot   where the value goes (see {@link UserClassPlan#slotNames()})
 * @param source reads the value from the response
 */
public record Extraction(String name, int slot, ValueSource source) {

    /** Reads one value from a response. Pure; returns null when the value is absent. */
    public interface ValueSource {
        String extract(ResponseView response);

        /** How the value is found, for messages: {@code jsonPath $.access_token}. */
        String describe();
    }
}
