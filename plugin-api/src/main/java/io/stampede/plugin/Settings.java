package io.stampede.plugin;

import java.util.Set;

/**
 * The {@code with:} map of one use of an extension, as the load-time method sees it: which settings were written,
 * and the values that do not depend on the user. Values are never to be printed (they may be keys).
 */
public interface Settings {

    /** The setting names written, in no particular order. */
    Set<String> names();

    /**
     * The value of a setting that renders the same for every user (literal text, a spec variable such as a key
     * read from the environment), or null when the setting is absent or reads per-user values (a data column,
     * an extracted value): then read it at call time.
     */
    String constant(String name);

    /**
     * A required setting: its name is in {@link #names()}.
     *
     * @throws IllegalArgumentException naming the setting (reported at the file's field path, exit 2)
     */
    default void require(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("needs the setting '" + name + "' under with:");
        }
    }
}
