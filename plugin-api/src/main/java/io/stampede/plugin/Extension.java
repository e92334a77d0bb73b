package io.stampede.plugin;

/** What every extension has: the name a LoadTest file uses for it. */
public interface Extension {

    /**
     * The name the file refers to: a letter or '_', then letters, digits or '_' (so that {@code ${name(...)}}
     * parses), such as {@code hmacSha256}. Unique per extension kind over all plugin jars. Called once, at load.
     */
    String name();
}
