package io.stampede.plugins.hmac;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample plugin end to end, as a user runs it: the runner jar ({@code runner/target/stampede.jar}) with
 * {@code --plugins} pointing at this module's jar, the key in an environment variable, against a real HTTP server
 * on 127.0.0.1 that checks every request's HMAC-SHA256 signature on its own (javax.crypto, not the plugin's code)
 * and answers 401 to a bad one. Every request is verified, and the runner's count is the server's; with the wrong
 * key, every request is refused, so the server does check.
 */
class HmacSigningIT {

    private static final String KEY = "k3y-only-the-server-and-the-env-know";
    private static final String TEST = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: signed-shop}
            spec:
              target: TARGET
              load: {users: 4, spawnRate: 100, duration: DURATION}
              variables:
                hmacKey: {fromEnv: HMAC_KEY}
              defaults:
                sign: {plugin: hmacSha256, with: {key: "${hmacKey}"}}
              userClasses:
                - name: shopper
                  wait: {constant: 10ms}
                  tasks:
                    - {weight: 3, request: {method: GET, path: "/items?page=${randomInt(1,9)}", name: /items}}
                    - request: {method: POST, path: /orders, json: {sku: "a-${randomInt(1,99)}", qty: 2}}
            """;

    @TempDir
    Path dir;
    private HttpServer server;
    private ExecutorService executor;
    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    @BeforeEach
    void startVerifyingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/", this::verify);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void everyRequestCarriesASignatureTheServerVerifies() throws Exception {
        Run run = stampede("3s", KEY);

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(refused.get()).as("requests whose signature did not verify").isZero();
        assertThat(verified.get()).as("verified requests").isPositive().isEqualTo(run.requests);
        assertThat(run.failures).as(run.output).isZero();
        assertThat(run.output + Files.readString(dir.resolve("report.json"))).as("the key is never printed")
                .doesNotContain(KEY);
    }

    @Test
    void withTheWrongKeyTheServerRefusesEveryRequest() throws Exception {
        Run run = stampede("1s", "not-" + KEY);

        assertThat(verified.get()).as("requests verified with the wrong key").isZero();
        assertThat(refused.get()).isPositive().isEqualTo(run.requests).isEqualTo(run.failures);
    }

    @Test
    void theImageRecipeLoadsThePluginThroughStampedePlugins() throws Exception {
        // No container engine here: check that the Dockerfile copies the jar this build makes into the directory
        // its STAMPEDE_PLUGINS names, then run the runner as the image would, with that variable and no --plugins.
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        Matcher copy = Pattern.compile("(?m)^COPY (\\S+) (\\S+)$").matcher(dockerfile);
        Matcher env = Pattern.compile("(?m)^ENV STAMPEDE_PLUGINS=(\\S+)$").matcher(dockerfile);
        assertThat(copy.find()).as(dockerfile).isTrue();
        assertThat(env.find()).as(dockerfile).isTrue();
        Path pluginJar = Path.of(System.getProperty("stampede.plugin.jar"));
        assertThat(Path.of(copy.group(1))).as("the jar the build makes").isEqualTo(Path.of("target")
                .resolve(pluginJar.getFileName()));
        assertThat(copy.group(2)).isEqualTo(env.group(1) + "/");

        Run run = stampede("2s", KEY, false);

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(refused.get()).isZero();
        assertThat(verified.get()).isPositive().isEqualTo(run.requests);
    }

    private void verify(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String timestamp = exchange.getRequestHeaders().getFirst("X-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Signature");
        boolean ok = false;
        if (timestamp != null && signature != null
                && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) <= 60) {
            String line = exchange.getRequestMethod() + "\n" + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                    + "\n" + timestamp + "\n";
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update(line.getBytes(StandardCharsets.UTF_8));
                byte[] expected = mac.doFinal(body);
                ok = MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                ok = false;
            }
        }
        (ok ? verified : refused).incrementAndGet();
        byte[] answer = (ok ? "{\"ok\": true}" : "{\"error\": \"bad signature\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(ok ? 200 : 401, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private Run stampede(String duration, String key) throws Exception {
        return stampede(duration, key, true);
    }

    /** @param flag pass --plugins; else name the directory in STAMPEDE_PLUGINS, as the image does */
    private Run stampede(String duration, String key, boolean flag) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path pluginJar = Path.of(System.getProperty("stampede.plugin.jar"));
        Files.copy(pluginJar, plugins.resolve(pluginJar.getFileName()));
        Path test = dir.resolve("signed.yaml");
        Files.writeString(test, TEST.replace("TARGET", "http://127.0.0.1:" + server.getAddress().getPort())
                .replace("DURATION", duration));
        Path report = dir.resolve("report.json");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", System.getProperty("stampede.runner.jar"),
                "run", test.toString(), "-q", "--json", report.toString()));
        if (flag) {
            command.addAll(List.of("--plugins", plugins.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HMAC_KEY", key);
        builder.environment().remove("STAMPEDE_PLUGINS");
        if (!flag) {
            builder.environment().put("STAMPEDE_PLUGINS", plugins.toString());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the run ends by itself").isTrue();
        String json = Files.exists(report) ? Files.readString(report) : "";
        return new Run(process.exitValue(), output, total(json, "requests"), total(json, "failures"));
    }

    /** The summary's total for a field, read from the JSON report without a JSON library (this module has none). */
    private static long total(String json, String field) {
        int total = json.indexOf("\"total\"");
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return total >= 0 && matcher.find(total) ? Long.parseLong(matcher.group(1)) : -1;
    }

    private record Run(int exitCode, String output, long requests, long failures) {
    }
}
