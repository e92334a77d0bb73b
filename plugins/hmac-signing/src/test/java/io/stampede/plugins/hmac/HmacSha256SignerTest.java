package io.stampede.plugins.hmac;

import io.stampede.plugin.OutgoingRequest;
import io.stampede.plugin.RequestSigner;
import io.stampede.plugin.Settings;
import io.stampede.plugin.UserContext;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signer alone, without a runner or a server: its signature is the HMAC-SHA256 the documented scheme gives
 * (computed here with javax.crypto on its own), with a key the same for every user or one per user (a data
 * column), and its settings are checked at load without ever quoting the key.
 */
class HmacSha256SignerTest {

    @Test
    void signsMethodPathTimestampAndBodyWithTheKey() throws Exception {
        Map<String, String> added = sign(settings(Map.of("key", "s3cret"), Set.of()), "s3cret", "{\"a\":1}");

        assertThat(added).containsOnlyKeys("X-Timestamp", "X-Signature");
        assertThat(added.get("X-Signature")).isEqualTo(expected("s3cret", "POST", "/orders?x=1",
                added.get("X-Timestamp"), "{\"a\":1}"));
    }

    @Test
    void aKeyThatDependsOnTheUserIsReadForEachRequestAndTheHeaderMayBeRenamed() throws Exception {
        Settings perUser = settings(Map.of("header", "X-Partner-Signature"), Set.of("key", "header"));

        Map<String, String> alice = sign(perUser, "alice-key", "");
        Map<String, String> bob = sign(perUser, "bob-key", "");

        assertThat(alice.get("X-Partner-Signature")).isEqualTo(expected("alice-key", "POST", "/orders?x=1",
                alice.get("X-Timestamp"), ""));
        assertThat(bob.get("X-Partner-Signature")).isEqualTo(expected("bob-key", "POST", "/orders?x=1",
                bob.get("X-Timestamp"), ""));
    }

    @Test
    void longAndNonAsciiPathsAndBodiesSignedOneAfterAnotherOnOneThreadEachGetTheirOwnSignature() throws Exception {
        // The signer reuses its arrays on a thread: a long path after a short one (the array grows), a short one
        // after a long one (stale bytes must not be signed) and a non-ASCII one (the UTF-8 of the path is signed).
        RequestSigner.Signer signer = new HmacSha256Signer().create(settings(Map.of("key", "k\u00e9y"), Set.of()));
        String longPath = "/search?q=" + "abcdefghij".repeat(60);
        List<String[]> requests = List.of(new String[] {"/a", ""}, new String[] {longPath, "{\"long\":1}"},
                new String[] {"/b?x=1", ""}, new String[] {"/caf\u00e9?q=\u20ac", "\u00fcber"},
                new String[] {"/a", ""});

        for (String[] request : requests) {
            Map<String, String> added = new LinkedHashMap<>();
            signer.sign(new Request("unused", request[0], request[1]), added::put);

            assertThat(added.get("X-Signature")).as(request[0]).isEqualTo(expected("k\u00e9y", "POST", request[0],
                    added.get("X-Timestamp"), request[1]));
            assertThat(added.get("X-Timestamp")).matches("[0-9]{10,}");
        }
    }

    @Test
    void refusesMissingEmptyOrUnknownSettingsWithoutQuotingTheKey() {
        HmacSha256Signer signer = new HmacSha256Signer();

        assertThatThrownBy(() -> signer.create(settings(Map.of(), Set.of())))
                .hasMessage("needs the setting 'key' under with:");
        assertThatThrownBy(() -> signer.create(settings(Map.of("key", ""), Set.of())))
                .hasMessage("the setting 'key' is empty");
        assertThatThrownBy(() -> signer.create(settings(Map.of("key", "s3cret", "keyId", "7"), Set.of())))
                .hasMessage("unknown setting 'keyId'; settings: key, header").message().doesNotContain("s3cret");
    }

    private static Map<String, String> sign(Settings settings, String key, String body) throws Exception {
        RequestSigner.Signer signer = new HmacSha256Signer().create(settings);
        Map<String, String> added = new LinkedHashMap<>();
        signer.sign(new Request(key, "/orders?x=1", body), added::put);
        return added;
    }

    private static String expected(String key, String method, String path, String timestamp, String body)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signed = method + "\n" + path + "\n" + timestamp + "\n" + body;
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** @param constants the settings the same for every user; {@code perUser} names the others */
    private static Settings settings(Map<String, String> constants, Set<String> perUser) {
        return new Settings() {
            @Override
            public Set<String> names() {
                Set<String> names = new java.util.HashSet<>(constants.keySet());
                names.addAll(perUser);
                return names;
            }

            @Override
            public String constant(String name) {
                return constants.get(name);
            }
        };
    }

    private record Request(String key, String path, String text) implements OutgoingRequest {
        public String method() { return "POST"; }
        public String pathAndQuery() { return path; }
        public String host() { return "shop:8080"; }
        public String header(String name) { return null; }
        public void forEachHeader(BiConsumer<String, String> action) { }
        public ByteBuffer body() { return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer(); }
        public String setting(String name) { return name.equals("key") ? key : null; }
        public UserContext user() {
            return new UserContext() {
                public long userId() { return 1; }
                public int workerIndex() { return 0; }
                public long iteration() { return 0; }
                public SplittableRandom random() { return new SplittableRandom(1); }
            };
        }
    }
}
