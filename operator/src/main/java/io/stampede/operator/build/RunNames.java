package io.stampede.operator.build;

import io.stampede.operator.api.LoadTest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the objects of one run of a LoadTest: {@code <loadtest>-<run>-master} and so on. The run number is in
 * every name, so a new run never collides with the objects of the last one, and the same run always gets the
 * same names (an operator restarted mid-run finds its objects instead of making new ones).
 * <p>Every name is a DNS-1035 label (Service names must be): at most 63 characters, starting with a letter, no
 * dots (a LoadTest name may have them: they become dashes). A long LoadTest name is cut and given a short hash of
 * the whole name, so two long names stay apart.
 */
public record RunNames(String base) {

    private static final int MAX_LABEL = 63;
    private static final String LONGEST_SUFFIX = "-workers";

    public static RunNames of(LoadTest loadTest, int run) {
        return of(loadTest.getMetadata().getName(), run);
    }

    public static RunNames of(String loadTestName, int run) {
        String dashed = loadTestName.replace('.', '-');
        String name = Character.isLetter(dashed.charAt(0)) ? dashed : "lt-" + dashed;
        String runPart = "-" + run;
        int room = MAX_LABEL - runPart.length() - LONGEST_SUFFIX.length();
        return new RunNames(cut(name, room, loadTestName) + runPart);
    }

    /** The ConfigMap holding the LoadTest document the master runs. */
    public String testConfigMap() {
        return base + "-test";
    }

    /** The Secret with the token master and workers present to each other. */
    public String workerToken() {
        return base + "-token";
    }

    public String masterPod() {
        return base + "-master";
    }

    public String masterService() {
        return base + "-master";
    }

    public String workerJob() {
        return base + "-workers";
    }

    /** The NetworkPolicy confining the worker pods (another kind than the Job, so the same name). */
    public String workerNetworkPolicy() {
        return base + "-workers";
    }

    /** The NetworkPolicy confining the master pod. */
    public String masterNetworkPolicy() {
        return base + "-master";
    }

    /**
     * {@code text} itself when it has at most {@code max} characters; else its start, without trailing dashes or
     * dots, then a dash and six hex digits of the SHA-256 of {@code hashOf} (the whole original name, so that two
     * long names, or two that differ only in what was cut or replaced, stay apart).
     */
    static String cut(String text, int max, String hashOf) {
        if (text.length() <= max) return text;
        String hash = shortHash(hashOf);
        return text.substring(0, max - hash.length() - 1).replaceAll("[-.]+$", "") + "-" + hash;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
