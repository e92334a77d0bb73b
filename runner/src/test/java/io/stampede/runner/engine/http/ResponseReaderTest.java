package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the channel handler adds to the parser: copying out of direct buffers, releasing them, the channel's end. */
class ResponseReaderTest {

    private final List<Response> responses = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    private final ResponseReader.Sink sink = new ResponseReader.Sink() {
        @Override
        public void onResponse(Response response, boolean connectionClose) {
            responses.add(response);
            events.add("response" + (connectionClose ? " (close)" : ""));
        }

        @Override
        public void onProtocolError(String cause) {
            events.add(cause);
        }

        @Override
        public void onClosed() {
            events.add("closed");
        }

        @Override
        public void onException(Throwable cause) {
            events.add(cause.getMessage());
        }
    };

    /** A scratch array smaller than the reads, so one read is copied out in several pieces. */
    private final ResponseReader reader = new ResponseReader(sink, new byte[8]);
    private final EmbeddedChannel channel = new EmbeddedChannel(reader);

    private ByteBuf direct(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Unpooled.directBuffer(bytes.length).writeBytes(bytes);
    }

    @Test
    void copiesDirectBuffersOutAndReleasesThem() {
        reader.expect(true, true, false);
        ByteBuf first = direct("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello");
        ByteBuf second = direct(" world");

        channel.writeInbound(first);
        channel.writeInbound(second);

        assertThat(responses).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("hello world");
            assertThat(r.header("content-type")).isEqualTo("text/plain");
        });
        assertThat(first.refCnt()).isZero();
        assertThat(second.refCnt()).isZero();
    }

    @Test
    void endsABodyWithoutLengthWhenTheConnectionCloses() {
        reader.expect(true, false, false);
        channel.writeInbound(Unpooled.copiedBuffer("HTTP/1.0 200 OK\r\n\r\nuntil the end", StandardCharsets.UTF_8));
        assertThat(responses).isEmpty();

        channel.close();

        assertThat(responses).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("until the end"));
        assertThat(events).containsExactly("response (close)", "closed");
    }

    @Test
    void tellsWhenTheConnectionClosesInTheMiddleOfAResponse() {
        reader.expect(false, false, false);
        channel.writeInbound(direct("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part"));

        channel.close();

        assertThat(responses).isEmpty();
        assertThat(events).containsExactly("closed");
    }

    @Test
    void saysNothingMoreOnceDetached() {
        reader.expect(false, false, false);
        reader.detach();

        channel.writeInbound(direct("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
        channel.close();

        assertThat(events).isEmpty();
    }
}
