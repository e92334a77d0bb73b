package io.stampede.operator.testing;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Forwards a request {@link FakeMaster} received for a namespace handed to real masters: method, Authorization and
 * body go to port 5557 of the address the Service resolves to, as cluster DNS and kube-proxy would; 503 while the
 * Service has no running pod.
 */
public interface MasterForwarder {

    int MASTER_PORT = 5557;
    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The address of the running pod behind {@code service}, or null. */
    String resolve(String service);

    default void forward(HttpExchange exchange, String service, String rest) throws IOException {
        String ip = resolve(service);
        int code = 503;
        byte[] body = "{\"error\":\"no running pod behind the service\"}".getBytes();
        if (ip != null) {
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + ip + ":" + MASTER_PORT + rest
                            + (query == null ? "" : "?" + query))).timeout(Duration.ofSeconds(5))
                    .method(exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) request.header("Authorization", authorization);
            try {
                HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                code = response.statusCode();
                body = response.body();
                response.headers().firstValue("Content-Type")
                        .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            } catch (IOException e) {
                body = ("{\"error\":\"" + e.getClass().getSimpleName() + "\"}").getBytes();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) exchange.getResponseBody().write(body);
        exchange.close();
    }
}
