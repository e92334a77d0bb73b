package io.stampede.runner.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems while a LoadTest is read or compiled, so that all of them are reported at once.
 * Not thread safe: one instance per parse or compile.
 */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    /**
     * Records a problem; one identical to an earlier one is dropped (a bad spec.defaults header, say, is found
     * once per user class but reported once).
     */
    public void add(String path, String message) {
        Problem problem = new Problem(path, message);
        if (!found.contains(problem)) {
            found.add(problem);
        }
    }

    /**
     * Whether a field next to {@code path} was already reported as a misspelling of it ({@code fromenv: unknown
     * field (did you mean 'fromEnv'?)}): then "{@code fromEnv} is required" would report the same mistake twice.
     */
    boolean suggested(String path) {
        int dot = path.lastIndexOf('.');
        String parent = dot < 0 ? "" : path.substring(0, dot + 1);
        String hint = "(did you mean '" + path.substring(dot + 1) + "'?)";
        return found.stream().anyMatch(problem -> problem.path().startsWith(parent)
                && problem.path().indexOf('.', parent.length()) < 0 && problem.message().contains(hint));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** How many problems were found so far; lets a caller tell whether one step added any. */
    public int count() {
        return found.size();
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }

    /** Throws when anything was found. */
    public void throwIfAny() throws InvalidLoadTestException {
        if (!found.isEmpty()) {
            throw new InvalidLoadTestException(found);
        }
    }
}
