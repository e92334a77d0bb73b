package io.stampede.runner.engine.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How response framing is read: lengths, chunks, split reads, bodies that end with the connection. */
class HttpResponseDecoderTest {

    private final List<Response> responses = new ArrayList<>();
    private final List<Boolean> closes = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private boolean closedMidResponse;

    private final HttpResponseDecoder decoder = new HttpResponseDecoder(new HttpResponseDecoder.Sink() {
        @Override
        public void onResponse(Response response, boolean connectionClose) {
            responses.add(response);
            closes.add(connectionClose);
        }

        @Override
        public void onProtocolError(String cause) {
            errors.add(cause);
        }

        @Override
        public void onClosed(boolean midResponse) {
            closedMidResponse = midResponse;
        }

        @Override
        public void onException(Throwable cause) {
            errors.add(cause.toString());
        }
    });
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

    private void receive(String... parts) {
        for (String part : parts) {
            channel.writeInbound(Unpooled.copiedBuffer(part, StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsAContentLengthBodyWithoutKeepingIt() {
        decoder.expect(false, false, false);
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
        decoder.expect(true, true, false);
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
    void decodesChunkedBodiesWithExtensionsAndTrailers() {
        decoder.expect(true, false, false);
        receive("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                "5;ext=1\r\nhello\r\n", "7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n");

        assertThat(responses).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("hello, world");
            assertThat(r.bodyBytes()).isEqualTo(12);
        });
    }

    @Test
    void readsTwoResponsesInARowOnOneConnection() {
        decoder.expect(false, false, false);
        receive("HTTP/1.1 204 No Content\r\n\r\n");
        receive("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 3\r\n\r\nbad");

        assertThat(responses).extracting(Response::status).containsExactly(204, 500);
    }

    @Test
    void ignoresTheBodyLengthOfAHeadResponse() {
        decoder.expect(false, false, true);
        receive("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");

        assertThat(responses).extracting(Response::bodyBytes).containsExactly(0L);
    }

    @Test
    void skipsInterimResponses() {
        decoder.expect(false, false, false);
        receive("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        assertThat(responses).extracting(Response::status).containsExactly(200);
    }

    @Test
    void endsABodyWithoutLengthWhenTheConnectionCloses() {
        decoder.expect(true, false, false);
        receive("HTTP/1.0 200 OK\r\n\r\nuntil the end");
        assertThat(responses).isEmpty();

        channel.close();

        assertThat(responses).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("until the end"));
        assertThat(closes).containsExactly(true);
    }

    @Test
    void honoursConnectionCloseAndHttp10Defaults() {
        decoder.expect(false, false, false);
        receive("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        receive("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        receive("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n");

        assertThat(closes).containsExactly(true, true, false);
    }

    @Test
    void reportsGarbageAsAnInvalidResponse() {
        decoder.expect(false, false, false);
        receive("SSH-2.0-OpenSSH_9.2\r\n");

        assertThat(errors).containsExactly("invalid HTTP response: malformed status line");
        assertThat(responses).isEmpty();
    }

    @Test
    void tellsWhenTheConnectionClosesInTheMiddleOfAResponse() {
        decoder.expect(false, false, false);
        receive("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part");

        channel.close();

        assertThat(responses).isEmpty();
        assertThat(closedMidResponse).isTrue();
    }
}
