package io.stampede.runner.cli;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment as {@code validate} sees it: a variable that is not set reads as empty and is remembered, so a
 * file whose secrets come from the environment (a Secret, in a cluster) validates where they are not set.
 * {@code run} uses the real environment and refuses a missing variable.
 */
final class LenientEnvironment extends AbstractMap<String, String> {

    private final Map<String, String> real;
    private final Set<String> missing = new TreeSet<>();

    LenientEnvironment(Map<String, String> real) {
        this.real = real;
    }

    @Override
    public String get(Object name) {
        String value = real.get(name);
        if (value == null && name instanceof String text) {
            missing.add(text);
            return "";
        }
        return value;
    }

    @Override
    public boolean containsKey(Object name) {
        return true;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return real.entrySet();
    }

    /** The variables that were asked for but are not set here. */
    Set<String> missing() {
        return missing;
    }
}
