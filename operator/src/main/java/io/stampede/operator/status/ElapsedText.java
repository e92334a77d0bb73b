package io.stampede.operator.status;

/** Seconds as the status shows them: {@code 45s}, {@code 2m5s}, {@code 1h0m12s}. */
public final class ElapsedText {

    private ElapsedText() {
    }

    /** @param seconds from 0; fractions are dropped */
    public static String of(double seconds) {
        long total = (long) Math.max(0, seconds);
        long hours = total / 3600;
        long minutes = (total % 3600) / 60;
        long secs = total % 60;
        if (hours > 0) return hours + "h" + minutes + "m" + secs + "s";
        if (minutes > 0) return minutes + "m" + secs + "s";
        return secs + "s";
    }
}
