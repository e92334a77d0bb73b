package io.stampede.operator.progress;

import io.stampede.runner.doc.DocumentException;
import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.doc.StatusDocument;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a master's HTTP API ({@code /api/v1/status}, {@code /api/v1/report}) and asks it to stop. Blocking, with
 * short timeouts; called from the poller's thread and from clean-up, never while a reconcile waits on it for
 * long. Thread safe.
 */
public final class MasterClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(4);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();

    /** The master's status. @throws MasterUnreachable with a reason for people */
    public StatusDocument status(String baseUrl) throws MasterUnreachable {
        return get(baseUrl + "/api/v1/status", StatusDocument::parse).orElseThrow(
                () -> new MasterUnreachable(baseUrl + "/api/v1/status answered 404"));
    }

    /** The final report, or empty while the master has none (404). */
    public Optional<ReportDocument> report(String baseUrl) throws MasterUnreachable {
        return get(baseUrl + "/api/v1/report", ReportDocument::parse);
    }

    /** Asks the master to stop the run early (it then reports phase Aborted). */
    public void stop(String baseUrl, String token) throws MasterUnreachable {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/stop")).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new MasterUnreachable("POST " + baseUrl + "/api/v1/stop answered " + response.statusCode());
        }
    }

    private <T> Optional<T> get(String url, Function<String, T> parse) throws MasterUnreachable {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 404) return Optional.empty();
        if (response.statusCode() != 200) {
            throw new MasterUnreachable(url + " answered " + response.statusCode());
        }
        try {
            return Optional.of(parse.apply(response.body()));
        } catch (DocumentException e) {
            throw new MasterUnreachable(url + " answered what this operator cannot read (" + e.getMessage()
                    + "): is the master's image the operator's version?");
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws MasterUnreachable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new MasterUnreachable(request.uri().getHost() + ": connect timed out");
        } catch (HttpTimeoutException e) {
            throw new MasterUnreachable(request.uri() + ": no answer within " + REQUEST_TIMEOUT.toSeconds() + "s");
        } catch (ConnectException e) {
            throw new MasterUnreachable(request.uri().getHost() + ":" + request.uri().getPort() + ": connection refused");
        } catch (IOException e) {
            throw new MasterUnreachable(request.uri() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MasterUnreachable("interrupted");
        }
    }

    /** The master could not be read; the message says why, for status.message. */
    public static final class MasterUnreachable extends Exception {
        public MasterUnreachable(String message) {
            super(message, null, false, false);
        }
    }
}
