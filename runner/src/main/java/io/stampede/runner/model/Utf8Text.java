package io.stampede.runner.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** A LoadTest file's bytes as text, and messages that place a bad character by line and column. Pure. */
final class Utf8Text {

    private Utf8Text() {
    }

    /** The bytes as UTF-8 text; a byte sequence that is not UTF-8 is reported with its line. */
    static String decode(byte[] bytes) throws InvalidLoadTestException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new InvalidLoadTestException(List.of(new Problem(Problem.FILE, String.format(Locale.ROOT,
                    "the file is not UTF-8 text: the byte 0x%02X at line %d, byte %d of the line, is not UTF-8; "
                            + "save the file as UTF-8", bytes[at] & 0xFF, line, at - lineStart + 1))));
        }
        return out.flip().toString();
    }

    /**
     * A message for a character YAML does not allow in a file (a control character, say).
     *
     * @param codePointIndex where it is, counted in code points from the start of {@code text}
     */
    static String notAllowed(String text, int codePointIndex, int codePoint) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < codePointIndex; i += Character.charCount(text.codePointAt(i))) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            index++;
        }
        return String.format(Locale.ROOT, "not valid YAML at line %d, column %d: the character U+%04X is not "
                + "allowed in a YAML file (inside double quotes write it as an escape such as \\t, \\n or \\x07)",
                line, column, codePoint);
    }
}
