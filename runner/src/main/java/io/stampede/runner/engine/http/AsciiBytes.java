package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;

/**
 * Reads ASCII protocol text (header names, numbers, tokens) straight from a buffer, without decoding it into
 * Strings: the response decoder does this for every response. Pure functions of the buffer's bytes.
 */
final class AsciiBytes {

    private AsciiBytes() {
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    static boolean nameIs(ByteBuf in, int start, int length, byte[] lowerName) {
        if (length != lowerName.length) return false;
        for (int i = 0; i < length; i++) {
            int b = in.getByte(start + i);
            if (b >= 'A' && b <= 'Z') b += 32;
            if (b != lowerName[i]) return false;
        }
        return true;
    }

    static long parseDecimal(ByteBuf in, int start, int end) {
        if (start >= end || end - start > 18) return -1;
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = in.getByte(i) - '0';
            if (digit < 0 || digit > 9) return -1;
            value = value * 10 + digit;
        }
        return value;
    }

    /** Whether the header value contains the lower-case ASCII token, ignoring case; allocates nothing. */
    static boolean containsIgnoreCase(ByteBuf in, int start, int end, String token) {
        int last = end - token.length();
        outer:
        for (int i = start; i <= last; i++) {
            for (int j = 0; j < token.length(); j++) {
                int b = in.getByte(i + j);
                if (b >= 'A' && b <= 'Z') b += 32;
                if (b != token.charAt(j)) continue outer;
            }
            return true;
        }
        return false;
    }
}
