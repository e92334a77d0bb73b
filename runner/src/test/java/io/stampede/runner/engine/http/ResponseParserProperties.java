package io.stampede.runner.engine.http;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever bytes a server sends, in whatever reads: the parser reports responses or one protocol error and then
 * nothing more, and never throws. A well-formed response, however it is cut into reads, is read exactly once
 * with its status and body.
 */
class ResponseParserProperties {

    /** What the listener was told, in order. */
    private static final class Calls implements ResponseParser.Listener {
        final List<Response> responses = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        boolean afterError;

        @Override
        public void onResponse(Response response, boolean connectionClose) {
            afterError |= !errors.isEmpty();
            responses.add(response);
        }

        @Override
        public void onProtocolError(String cause) {
            afterError |= !errors.isEmpty();
            errors.add(cause);
        }
    }

    @Property(tries = 500)
    void anyBytesGiveResponsesOrOneCleanFailure(@ForAll("serverBytes") byte[] bytes, @ForAll("cuts") List<Integer> cuts,
                                               @ForAll boolean keepBody, @ForAll boolean keepHeaders) {
        Calls calls = new Calls();
        ResponseParser parser = new ResponseParser(calls);
        parser.expect(keepBody, keepHeaders, false);

        feedInReads(parser, bytes, cuts);
        parser.endOfInput();

        assertThat(calls.errors).hasSizeLessThanOrEqualTo(1).allSatisfy(cause -> assertThat(cause).isNotBlank());
        assertThat(calls.afterError).as("a callback after a protocol error").isFalse();
        assertThat(calls.responses).allSatisfy(response -> {
            assertThat(response.status()).isBetween(100, 999);
            assertThat(response.bodyBytes()).isBetween(0L, (long) bytes.length);
        });
    }

    @Property(tries = 300)
    void aWellFormedResponseIsReadOnceWhateverTheReads(@ForAll("statuses") int status,
                                                       @ForAll("bodies") String body, @ForAll boolean chunked,
                                                       @ForAll("cuts") List<Integer> cuts) {
        byte[] bytes = response(status, body, chunked);
        Calls calls = new Calls();
        ResponseParser parser = new ResponseParser(calls);
        parser.expect(true, true, false);

        feedInReads(parser, bytes, cuts);

        assertThat(calls.errors).isEmpty();
        assertThat(calls.responses).singleElement().satisfies(response -> {
            assertThat(response.status()).isEqualTo(status);
            assertThat(response.body()).isEqualTo(body);
            assertThat(response.bodyBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
            assertThat(response.header("X-Test")).isEqualTo("yes");
        });
    }

    /** Feeds the bytes as reads ending at the given cut points (taken modulo the length), from a larger array. */
    private static void feedInReads(ResponseParser parser, byte[] bytes, List<Integer> cuts) {
        List<Integer> ends = new ArrayList<>();
        for (int cut : cuts) {
            if (bytes.length > 0) ends.add(Math.floorMod(cut, bytes.length));
        }
        ends.add(bytes.length);
        ends.sort(null);
        int start = 0;
        for (int end : ends) {
            if (end <= start) continue;
            byte[] read = new byte[end - start + 8];
            System.arraycopy(bytes, start, read, 4, end - start);
            parser.feed(read, 4, end - start);
            start = end;
        }
    }

    private static byte[] response(int status, String body, boolean chunked) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "HTTP/1.1 " + status + " Whatever\r\nX-Test: yes\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + content.length + "\r\n") + "\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        if (chunked) {
            for (int i = 0; i < content.length; i += 7) {
                int n = Math.min(7, content.length - i);
                out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(content, i, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.writeBytes(content);
        }
        return out.toByteArray();
    }

    @Provide
    Arbitrary<byte[]> serverBytes() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("HTTP/1.1 ", "HTTP/1.0 ", "HTTP/2 ", "200", "204", "304", "100", "2000", "-1", " OK",
                        "\r\n", "\n", "\r", ": ", "Content-Length", "Transfer-Encoding", "chunked", "Connection",
                        "close", "keep-alive", "0", "5", "ff", "ffffffffffffffffff", "99999999999999999999", ";x=y",
                        "\r\n\r\n", "hello", "\u0000", " "),
                Arbitraries.strings().ofMaxLength(6));
        Arbitrary<byte[]> structured = pieces.list().ofMaxSize(30)
                .map(list -> String.join("", list).getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.oneOf(structured, random);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 10_000).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.integers().between(200, 599).filter(s -> s != 204 && s != 304);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.strings().ofMaxLength(200);
    }

}
