package io.stampede.runner.plugin;

/** The plugins cannot be loaded (a bad directory, a jar without a plugin, a name used twice): exit 2. */
public final class PluginLoadException extends Exception {

    /** @param message for people, naming the flag or path and what was expected */
    public PluginLoadException(String message) {
        super(message);
    }
}
