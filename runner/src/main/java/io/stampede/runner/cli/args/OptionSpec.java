package io.stampede.runner.cli.args;

import java.util.List;

/**
 * One option of a command, as {@code --help} shows it and the parser matches it.
 *
 * @param names    its names, short first ({@code -u}, {@code --users}); each starts with {@code -}
 * @param label    the value's placeholder ({@code N}, {@code URL}); null for a flag, which takes no value
 * @param help     one sentence for {@code --help}
 * @param required whether the command refuses to run without it
 * @param list     whether it may be repeated and its values split at commas ({@code -T a,b -T c})
 */
public record OptionSpec(List<String> names, String label, String help, boolean required, boolean list) {

    public OptionSpec {
        names = List.copyOf(names);
        if (names.isEmpty() || names.stream().anyMatch(name -> !name.startsWith("-"))) {
            throw new IllegalArgumentException("option names start with '-': " + names);
        }
    }

    public boolean isFlag() {
        return label == null;
    }

    /** The name errors use: the long one when there is one ({@code --users}). */
    public String longestName() {
        return names.get(names.size() - 1);
    }

    /** How help and errors show it: {@code -u, --users=N}, {@code -T, --tags=TAG[,TAG...]}, {@code -q, --quiet}. */
    public String display() {
        String joined = String.join(", ", names);
        if (isFlag()) return joined;
        return joined + "=" + label + (list ? "[," + label + "...]" : "");
    }
}
