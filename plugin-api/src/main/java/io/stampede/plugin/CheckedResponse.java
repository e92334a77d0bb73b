package io.stampede.plugin;

/**
 * A response as a {@link CustomCheck} sees it: valid only during the {@link CustomCheck.Check#failure} call.
 * Confined to the user's event loop.
 */
public interface CheckedResponse {

    /** The status code, such as 200; a check runs only for a status {@code expect.status} accepts. */
    int status();

    /** The first header with this name (case-insensitive), or null. */
    String header(String name);

    /** The body as text (UTF-8, its Content-Encoding undone), "" when empty. */
    String body();

    /** The value of a {@code with:} setting for this user, or null when it is not written. */
    String setting(String name);

    /** The user the response came to. */
    UserContext user();
}
