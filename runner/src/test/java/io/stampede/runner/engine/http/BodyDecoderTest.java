package io.stampede.runner.engine.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyDecoderTest {

    private static final String TEXT = "{\"access_token\":\"t-42\"}" + "x".repeat(5000);

    @Test
    void undoesGzipZlibDeflateAndRawDeflate() throws Exception {
        assertThat(decode("gzip", gzip(TEXT), 1 << 20)).isEqualTo(TEXT);
        assertThat(decode("x-gzip", gzip(TEXT), 1 << 20)).isEqualTo(TEXT);
        assertThat(decode("deflate", deflate(TEXT, false), 1 << 20)).isEqualTo(TEXT);
        assertThat(decode("deflate", deflate(TEXT, true), 1 << 20)).isEqualTo(TEXT);
    }

    @Test
    void decodesABodyCutShortAsFarAsItGoes() throws Exception {
        byte[] whole = gzip(TEXT + "y".repeat(100_000) + Math.random());
        String start = decode("gzip", Arrays.copyOf(whole, whole.length / 2), 1 << 20);

        assertThat(start).startsWith("{\"access_token\":\"t-42\"}");
    }

    @Test
    void stopsAtTheLimitHoweverMuchTheBodyInflates() throws Exception {
        assertThat(decode("gzip", gzip("z".repeat(3_000_000)), 1000)).hasSize(1000);
    }

    @Test
    void namesABodyThatIsNotWhatItsEncodingSays() {
        byte[] garbage = "not compressed at all".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> decode("gzip", garbage, 1000))
                .hasMessage("cannot decode the body: invalid gzip data");
        assertThatThrownBy(() -> decode("deflate", garbage, 1000))
                .hasMessage("cannot decode the body: invalid deflate data");
        assertThatThrownBy(() -> decode("br", garbage, 1000))
                .hasMessage("cannot decode the body: Content-Encoding br is not supported (gzip and deflate are)");
    }

    private static String decode(String coding, byte[] data, int max) throws BodyDecoder.UndecodableBody {
        return new String(BodyDecoder.decode(coding, data, data.length, max), StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] deflate(String text, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(6, raw))) {
            deflate.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
