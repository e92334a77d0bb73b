package io.stampede.runner.model;

import java.util.Collection;
import java.util.regex.Pattern;

/** Rules for names in a LoadTest: identifiers, header names, field path segments, and "did you mean" hints. */
public final class FieldNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** RFC 9110 token characters. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private FieldNames() {
    }

    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    static boolean isHeaderName(String name) {
        return HEADER_NAME.matcher(name).matches();
    }

    /**
     * The path of a map entry: {@code spec.variables.password}, or {@code ...headers["X Trace"]} when the key is not
     * a plain name.
     */
    public static String child(String path, String key) {
        return key.matches("[A-Za-z0-9_-]+") ? path + "." + key : path + "[\"" + key.replace("\"", "\\\"") + "\"]";
    }

    /** {@code " (did you mean 'users'?)"} when a known name is within two edits, else empty. */
    public static String suggestion(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = editDistance(unknown.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
