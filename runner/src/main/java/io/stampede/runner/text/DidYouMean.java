package io.stampede.runner.text;

import java.util.Collection;

/** The "did you mean" hint for a mistyped name (a field, a command, a flag): the closest known name, if close. */
public final class DidYouMean {

    /** A known name further than this many edits away is not suggested. */
    private static final int MAX_EDITS = 2;

    private DidYouMean() {
    }

    /**
     * {@code " (did you mean 'users'?)"} when a known name is within two edits (insertions, deletions,
     * substitutions; case ignored), else empty. Of equally close names, the first in {@code known}'s order.
     */
    public static String hint(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : known) {
            int distance = editDistance(unknown.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Levenshtein distance, in two rows. */
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
