package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.stampede.plugin.RequestSigner;
import io.stampede.runner.plugin.PluginCallException;
import io.stampede.runner.scenario.MultipartPlan;
import io.stampede.runner.scenario.PluginSettings;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.SignerPlan;
import io.stampede.runner.scenario.Template;
import io.stampede.runner.scenario.TemplateContext;
import io.stampede.runner.testing.FixedUser;
import io.stampede.runner.scenario.template.TemplateCompiler;
import io.stampede.runner.scenario.template.TemplateScope;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A signed request as the encoder writes it, without a server: the signer sees the request line's path, the
 * headers so far (Host and Content-Type included) and the body bytes as sent, per user; its headers land before
 * Content-Length, and the body is unchanged. A signer that throws or writes an illegal header fails the encoding.
 * A constant request pre-encoded for signing is sent with exactly the bytes of one encoded from scratch.
 */
class SignedRequestEncodingTest {

    private static final TemplateContext USER = FixedUser.withId(7);

    @Test
    void theSignerSeesWhatIsSentAndItsHeadersComeBeforeTheLength() throws Exception {
        RequestSigner.Signer signer = (request, headers) -> {
            byte[] body = new byte[request.body().remaining()];
            request.body().get(body);
            headers.add("X-Seen", request.method() + " " + request.pathAndQuery() + " host=" + request.header("HOST")
                    + " type=" + request.header("content-type") + " body=" + new String(body, StandardCharsets.UTF_8)
                    + " who=" + request.setting("who"));
        };
        RequestPlan plan = plan("/api/items/${userId}?q=1", "{\"n\": ${userId}}", signer);

        String sent = encode(plan);

        assertThat(sent).startsWith("POST /base/api/items/7?q=1 HTTP/1.1\r\nHost: shop:8080\r\n")
                .contains("\r\nX-Seen: POST /base/api/items/7?q=1 host=shop:8080 type=application/json "
                        + "body={\"n\": 7} who=user-7\r\nContent-Length: 8\r\n\r\n{\"n\": 7}")
                .endsWith("\r\n\r\n{\"n\": 7}");
    }

    @Test
    void aSignerThatThrowsOrWritesALineBreakOrABadNameFailsTheRequestNamingThePlugin() throws Exception {
        RequestPlan throwing = plan("/a", null, (request, headers) -> {
            throw new IllegalStateException("no key");
        });
        RequestPlan smuggling = plan("/a", null, (request, headers) -> headers.add("X-Sig", "a\r\nX-Evil: 1"));
        RequestPlan badName = plan("/a", null, (request, headers) -> headers.add("X-Sig: 1\r\nX-Evil", "1"));
        RequestPlan fineName = plan("/a", null, (request, headers) -> headers.add("X-Sig_v2.b~", "1"));

        assertThatThrownBy(() -> encode(throwing)).isInstanceOf(PluginCallException.class)
                .hasMessage("plugin tag: no key");
        assertThatThrownBy(() -> encode(smuggling)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid request: plugin tag added header X-Sig containing a line break");
        assertThatThrownBy(() -> encode(badName)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid request: plugin tag added a header whose name is not a token");
        assertThat(encode(fineName)).contains("\r\nX-Sig_v2.b~: 1\r\n");
    }

    @Test
    void aConstantRequestSignedAfterPreEncodingIsByteForByteTheOneEncodedFromScratch() throws Exception {
        // A signer that reads everything it may and adds a header of each kind: any difference in what it sees
        // (path, headers, body) or where its headers land shows in the bytes.
        RequestSigner.Signer signer = (request, headers) -> {
            byte[] body = new byte[request.body().remaining()];
            request.body().get(body);
            StringBuilder seen = new StringBuilder(request.method()).append(' ').append(request.pathAndQuery());
            request.forEachHeader((name, value) -> seen.append(" [").append(name).append('=').append(value).append(']'));
            headers.add("X-Seen", seen.append(" body=").append(HexFormat.of().formatHex(body))
                    .append(" key=").append(request.setting("who")).toString());
            byte[] signature = "sig-\u00e9t\u00e9".getBytes(StandardCharsets.UTF_8);
            headers.add("X-Sig", signature, 4, signature.length - 4);
        };
        TemplateScope scope = new TemplateScope(Map.of(), List.of());
        List<RequestPlan.HeaderPlan> accept = List.of(
                new RequestPlan.HeaderPlan("Accept", TemplateCompiler.compile("text/plain", scope)));
        MultipartPlan form = new MultipartPlan("b0undary", List.of(
                new MultipartPlan.Field("note", TemplateCompiler.compile("caf\u00e9", scope)),
                new MultipartPlan.FilePart("f", "a.bin", "application/octet-stream", new byte[] {0, 1, (byte) 0xff})));
        List<RequestPlan> plans = List.of(
                plan("/hello", null, signer),
                plan("/orders?q=caf\u00e9", "{\"n\": \"\u00e9\"}", signer),
                new RequestPlan("PUT", TemplateCompiler.compile("/files", scope), accept,
                        new RequestPlan.BodyPlan(form.contentType(), null, form), 1000, 0, 0, signedBy(signer)),
                new RequestPlan("DELETE", TemplateCompiler.compile("/items/1", scope), accept, null, 1000, 0, 0,
                        signedBy(signer)));
        RequestEncoder encoder = new RequestEncoder(URI.create("http://shop:8080/base"));

        for (RequestPlan plan : plans) {
            SignedConstantRequest preEncoded = encoder.preEncodeSigned(plan);
            byte[] fromScratch = bytes(encoder.encode(plan, USER, UnpooledByteBufAllocator.DEFAULT));
            byte[] signedAfter = bytes(encoder.encodeSigned(preEncoded, USER, UnpooledByteBufAllocator.DEFAULT));
            byte[] again = bytes(encoder.encodeSigned(preEncoded, USER, UnpooledByteBufAllocator.DEFAULT));

            assertThat(signedAfter).as(plan.method()).isEqualTo(fromScratch).isEqualTo(again);
            assertThat(new String(signedAfter, StandardCharsets.UTF_8)).as(plan.method())
                    .contains("\r\nX-Sig: \u00e9t\u00e9\r\n")
                    .contains(" key=user-7\r\n")
                    .contains(" [Host=shop:8080] [");
        }
    }

    @Test
    void aHeaderGivenAsBytesIsSentAsThoseBytesAndCheckedLikeAString() throws Exception {
        RequestPlan asBytes = plan("/a", null, (request, headers) -> {
            byte[] value = "..\u00fcber 1..".getBytes(StandardCharsets.UTF_8);
            headers.add("X-Value", value, 2, value.length - 4);
        });
        RequestPlan asString = plan("/a", null, (request, headers) -> headers.add("X-Value", "\u00fcber 1"));
        RequestPlan smuggling = plan("/a", null, (request, headers) -> {
            byte[] value = "a\nX-Evil: 1".getBytes(StandardCharsets.US_ASCII);
            headers.add("X-Sig", value, 0, value.length);
        });
        RequestPlan badName = plan("/a", null, (request, headers) -> headers.add("X Sig", new byte[] {'1'}, 0, 1));

        assertThat(encode(asBytes)).contains("\r\nX-Value: \u00fcber 1\r\n").isEqualTo(encode(asString));
        assertThatThrownBy(() -> encode(smuggling)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid request: plugin tag added header X-Sig containing a line break");
        assertThatThrownBy(() -> encode(badName)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid request: plugin tag added a header whose name is not a token");
    }

    @Test
    void aSignerSeesTheHeadersItAddedEarlierInTheSameCall() throws Exception {
        RequestPlan plan = plan("/a", null, (request, headers) -> {
            headers.add("X-Timestamp", "1700000000".getBytes(StandardCharsets.US_ASCII), 0, 10);
            headers.add("X-Echo", request.header("x-timestamp") + " host=" + request.header("Host"));
        });

        assertThat(encode(plan)).contains("\r\nX-Timestamp: 1700000000\r\nX-Echo: 1700000000 host=shop:8080\r\n");
    }

    private static SignerPlan signedBy(RequestSigner.Signer signer) throws Exception {
        TemplateScope scope = new TemplateScope(Map.of(), List.of());
        return new SignerPlan("tag", signer,
                new PluginSettings(Map.of("who", TemplateCompiler.compile("user-${userId}", scope))));
    }

    private static byte[] bytes(ByteBuf buffer) {
        try {
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }

    private static RequestPlan plan(String path, String json, RequestSigner.Signer signer) throws Exception {
        TemplateScope scope = new TemplateScope(Map.of(), List.of());
        SignerPlan sign = signedBy(signer);
        RequestPlan.BodyPlan body = json == null ? null
                : new RequestPlan.BodyPlan("application/json", TemplateCompiler.compile(json, scope));
        Template pathTemplate = TemplateCompiler.compile(path, scope);
        return new RequestPlan(json == null ? "GET" : "POST", pathTemplate, List.of(), body, 1000, 0, 0, sign);
    }

    private static String encode(RequestPlan plan) {
        ByteBuf bytes = new RequestEncoder(URI.create("http://shop:8080/base"))
                .encode(plan, USER, UnpooledByteBufAllocator.DEFAULT);
        try {
            return bytes.toString(StandardCharsets.UTF_8);
        } finally {
            bytes.release();
        }
    }
}
