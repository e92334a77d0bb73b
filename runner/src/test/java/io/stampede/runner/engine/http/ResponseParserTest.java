package io.stampede.runner.engine.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How response framing is read: lengths, chunks, split reads, bodies that end with the connection. */
class ResponseParserTest {

    private final List<Response> responses = new ArrayList<>();
    private final List<Boolean> closes = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private final ResponseParser parser = new ResponseParser(new ResponseParser.Listener() {
        @Override
        public void onResponse(Response response, boolean connectionClose) {
            responses.add(response);
            closes.add(connectionClose);
        }

        @Override
        public void onProtocolError(String cause) {
            errors.add(cause);
        }
    });

    /** Feeds each part as one read, from the middle of a larger array, as a reused read buffer would hold it. */
    private void receive(String... parts) {
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            byte[] framed = new byte[bytes.length + 6];
            System.arraycopy(bytes, 0, framed, 3, bytes.length);
            parser.feed(framed, 3, bytes.length);
        }
    }

    @Test
    void readsAContentLengthBodyWithoutKeepingIt() {
        parser.expect(false, false, false);
        receive("HTTP/1.1 200 OK\r\nContent-Length: 19\r\nConnection: keep-alive\r\n\r\n{\"message\":\"hello\"}");

        assertThat(responses).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyBytes()).isEqualTo(19);
            assertThat(r.body()).isEmpty();
        });
        assertThat(closes).containsExactly(false);
    }

    @Test
    void keepsBodyAndHeadersWhenAskedEvenAcrossSplitReads() {
        parser.expect(true, true, false);
        receive("HTTP/1.1 201 Cre", "ated\r\nContent-Type: application/json\r\nX-Tok", "en: abc\r\ncontent-length: 2",
                "2\r\n\r\n{\"access_token\":", "\"t-1\"}");

        assertThat(responses).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body()).isEqualTo("{\"access_token\":\"t-1\"}");
            assertThat(r.bodyBytes()).isEqualTo(22);
            assertThat(r.header("X-Token")).isEqualTo("abc");
        });
    }

    @Test
    void readsTheSameResponsesWhereverTheBytesAreSplit() {
        String stream = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhello"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nT: 1\r\n\r\n"
                + "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        for (int first = 0; first <= stream.length(); first++) {
            for (int second = first; second <= stream.length(); second += 7) {
                ResponseParserTest fresh = new ResponseParserTest();
                fresh.parser.expect(true, true, false);
                fresh.receive(stream.substring(0, first), stream.substring(first, second), stream.substring(second));

                String split = "split at " + first + " and " + second;
                assertThat(fresh.errors).as(split).isEmpty();
                assertThat(fresh.responses).as(split).extracting(Response::status).containsExactly(200, 200, 404);
                assertThat(fresh.responses).as(split).extracting(Response::body).containsExactly("hello", "abcde", "");
                assertThat(fresh.responses.get(0).header("x-a")).as(split).isEqualTo("1");
                assertThat(fresh.closes).as(split).containsExactly(false, false, true);
            }
        }
    }

    @Test
    void decodesChunkedBodiesWithExtensionsAndTrailers() {
        parser.expect(true, false, false);
        receive("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                "5;ext=1\r\nhello\r\n", "7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n");

        assertThat(responses).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("hello, world");
            assertThat(r.bodyBytes()).isEqualTo(12);
        });
    }

    @Test
    void readsTwoResponsesInARowOnOneConnection() {
        parser.expect(false, false, false);
        receive("HTTP/1.1 204 No Content\r\n\r\n");
        receive("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 3\r\n\r\nbad");

        assertThat(responses).extracting(Response::status).containsExactly(204, 500);
    }

    @Test
    void ignoresTheBodyLengthOfAHeadResponse() {
        parser.expect(false, false, true);
        receive("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");

        assertThat(responses).extracting(Response::bodyBytes).containsExactly(0L);
    }

    @Test
    void skipsInterimResponses() {
        parser.expect(false, false, false);
        receive("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        assertThat(responses).extracting(Response::status).containsExactly(200);
    }

    @Test
    void endsABodyWithoutLengthWhenTheInputEnds() {
        parser.expect(true, false, false);
        receive("HTTP/1.0 200 OK\r\n\r\nuntil the end");
        assertThat(responses).isEmpty();

        parser.endOfInput();

        assertThat(responses).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("until the end"));
        assertThat(closes).containsExactly(true);
    }

    @Test
    void honoursConnectionCloseAndHttp10Defaults() {
        parser.expect(false, false, false);
        receive("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        receive("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        receive("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n");

        assertThat(closes).containsExactly(true, true, false);
    }

    @Test
    void keepsALongBodyTruncatedButCountsItInFull() {
        int length = ResponseParser.MAX_KEPT_BODY_BYTES + 1000;
        parser.expect(true, false, false);
        receive("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\n");
        receive("x".repeat(length / 2), "x".repeat(length - length / 2));

        assertThat(responses).singleElement().satisfies(r -> {
            assertThat(r.bodyBytes()).isEqualTo(length);
            assertThat(r.body()).hasSize(ResponseParser.MAX_KEPT_BODY_BYTES);
        });
    }

    @Test
    void reportsGarbageAsAnInvalidResponse() {
        parser.expect(false, false, false);
        receive("SSH-2.0-OpenSSH_9.2\r\n");

        assertThat(errors).containsExactly("invalid HTTP response: malformed status line");
        assertThat(responses).isEmpty();
    }

    @Test
    void refusesAStatusCodeThatIsNotThreeDigits() {
        for (String line : List.of("HTTP/1.1 2000 OK", "HTTP/1.1 20 OK", "HTTP/1.1 200OK", "HTTP/1.1 099 Odd",
                "HTTP/x.1 200 OK", "HTTX/1.1 200 OK")) {
            errors.clear();
            ResponseParser fresh = new ResponseParser(new ResponseParser.Listener() {
                @Override
                public void onResponse(Response response, boolean connectionClose) {
                    responses.add(response);
                }

                @Override
                public void onProtocolError(String cause) {
                    errors.add(cause);
                }
            });
            fresh.expect(false, false, false);
            byte[] bytes = (line + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            fresh.feed(bytes, 0, bytes.length);

            assertThat(errors).as(line).singleElement().asString().startsWith("invalid HTTP response: malformed status");
        }
        assertThat(responses).isEmpty();
    }

    @Test
    void acceptsAStatusLineWithoutAReasonPhrase() {
        parser.expect(false, false, false);
        receive("HTTP/1.1 204\r\n\r\nHTTP/1.0 200 \r\nContent-Length: 0\r\n\r\n");

        assertThat(errors).isEmpty();
        assertThat(responses).extracting(Response::status).containsExactly(204, 200);
    }

    @Test
    void refusesALineLongerThanTheLimitEvenWhenItArrivesInPieces() {
        parser.expect(false, false, false);
        receive("HTTP/1.1 200 OK\r\nX-Big: ");
        String piece = "a".repeat(16 * 1024);
        for (int i = 0; i < 5; i++) receive(piece);

        assertThat(errors).containsExactly("invalid HTTP response: response line longer than 65536 bytes");
    }

    @Test
    void namesWhatIsWrongWithAFramingHeader() {
        parser.expect(false, false, false);
        receive("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n");

        assertThat(errors).containsExactly("invalid HTTP response: malformed Content-Length");
    }
}
