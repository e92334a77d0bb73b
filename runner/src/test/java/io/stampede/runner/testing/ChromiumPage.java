package io.stampede.runner.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A page open in Debian's headless Chromium that a test can look at and click on, as a person would: the browser
 * runs with its DevTools endpoint on 127.0.0.1, and this class evaluates JavaScript in the page over the Chrome
 * DevTools Protocol (a WebSocket, the JDK's own client). Close it to end the browser.
 */
public final class ChromiumPage implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    private final Process browser;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private ChromiumPage(Process browser, WebSocket socket) {
        this.browser = browser;
        this.socket = socket;
    }

    /** Opens {@code url} in a new headless Chromium. */
    public static ChromiumPage open(String url) throws Exception {
        HeadlessChromium.assumeInstalled();
        Path profile = Files.createTempDirectory("chromium-profile");
        Process browser = new ProcessBuilder("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, url)
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            int port = devToolsPort(profile.resolve("DevToolsActivePort"));
            HttpClient http = HttpClient.newHttpClient();
            String socketUrl = null;
            long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
            while (socketUrl == null && System.nanoTime() < deadline) {
                String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                for (JsonNode target : JSON.readTree(list)) {
                    if (target.path("type").asText().equals("page")) {
                        socketUrl = target.path("webSocketDebuggerUrl").asText();
                    }
                }
                if (socketUrl == null) Thread.sleep(100);
            }
            if (socketUrl == null) throw new AssertionError("chromium opened no page for " + url);
            ChromiumPage[] self = new ChromiumPage[1];
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(socketUrl), new WebSocket.Listener() {
                private final StringBuilder message = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        self[0].answer(message.toString());
                        message.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            self[0] = new ChromiumPage(browser, socket);
            return self[0];
        } catch (Exception | AssertionError e) {
            browser.destroyForcibly();
            throw e;
        }
    }

    /** The value of a JavaScript expression in the page (awaited if it is a promise), as JSON. */
    public JsonNode evaluate(String expression) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        String command = JSON.writeValueAsString(Map.of("id", id, "method", "Runtime.evaluate",
                "params", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true)));
        socket.sendText(command, true).get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode result = answer.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("the page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Evaluates {@code expression} until its value passes {@code test}; fails after {@code timeout}. */
    public JsonNode await(String expression, Predicate<JsonNode> test, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode value = evaluate(expression);
        while (!test.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + ", " + expression + " is still " + value);
            }
            Thread.sleep(200);
            value = evaluate(expression);
        }
        return value;
    }

    private void answer(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (!message.has("id")) return; // an event
            CompletableFuture<JsonNode> waiting = pending.remove(message.get("id").asInt());
            if (waiting == null) return;
            if (message.has("error")) waiting.completeExceptionally(new AssertionError("DevTools: " + message.get("error")));
            else waiting.complete(message.get("result"));
        } catch (IOException e) {
            pending.values().forEach(waiting -> waiting.completeExceptionally(e));
        }
    }

    private static int devToolsPort(Path file) throws Exception {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String first = Files.readAllLines(file).stream().findFirst().orElse("");
                if (!first.isBlank()) return Integer.parseInt(first.trim());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("chromium did not open its DevTools port");
    }

    @Override
    public void close() {
        socket.abort();
        browser.destroy();
        try {
            if (!browser.waitFor(5, TimeUnit.SECONDS)) browser.destroyForcibly();
        } catch (InterruptedException e) {
            browser.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
