package io.stampede.runner.model;

import java.util.List;
import java.util.stream.Collectors;

/** A LoadTest that cannot run as written; carries every problem found, in document order. */
public final class InvalidLoadTestException extends Exception {

    private final List<Problem> problems;

    /** @param problems at least one problem */
    public InvalidLoadTestException(List<Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid LoadTest needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        String lines = problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
        return problems.size() == 1
                ? "invalid LoadTest:\n" + lines
                : "invalid LoadTest (" + problems.size() + " problems):\n" + lines;
    }
}
