package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.TemplateContext;

import java.util.SplittableRandom;

/** {@code randomUuid()}: a random (version 4) UUID in lower-case 8-4-4-4-12 form, written without allocating. */
enum RandomUuid implements Segment {
    INSTANCE;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
        SplittableRandom random = context.random();
        long high = random.nextLong() & 0xFFFF_FFFF_FFFF_0FFFL | 0x0000_0000_0000_4000L;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        appendHex(out, high >>> 32, 8);
        out.append('-');
        appendHex(out, high >>> 16, 4);
        out.append('-');
        appendHex(out, high, 4);
        out.append('-');
        appendHex(out, low >>> 48, 4);
        out.append('-');
        appendHex(out, low, 12);
    }

    /** Appends the lowest {@code digits} hex digits of value, most significant first. */
    private static void appendHex(StringBuilder out, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xF]);
        }
    }
}
