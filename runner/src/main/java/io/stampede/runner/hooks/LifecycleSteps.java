package io.stampede.runner.hooks;

import io.stampede.runner.plugin.PluginCallException;
import io.stampede.runner.scenario.ExpectPlan;
import io.stampede.runner.scenario.Extraction;
import io.stampede.runner.scenario.Lifecycle;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.ResponseCheck;
import io.stampede.runner.scenario.ResponseView;
import io.stampede.runner.scenario.StepPlan;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the test's setup and teardown steps (k6's setup()/teardown(), Locust's test_start/test_stop hooks), once
 * per test, on the master, one request at a time with the JDK's HTTP client: they are a handful of requests, so
 * the engine's event loops (which a distributed master does not have) are not worth it. Their requests are in no
 * stats row.
 *
 * <p>A step fails as a user's does: a transport error, its timeout, a status outside {@code expect.status}, a
 * failed body check, or a value to extract that is not there. Messages name the step's path and the cause, never
 * a value (a setup value is often a token).
 *
 * <p>Threading: blocking; call from a thread of the master's own, never from an event loop.
 */
public final class LifecycleSteps {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> CLIENT_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final Lifecycle lifecycle;
    private final URI target;
    private final HttpClient client;

    /**
     * @param target      the run's base URL; request paths are relative to it
     * @param insecureTls accept any certificate, as the users do with {@code --insecure}
     */
    public LifecycleSteps(Lifecycle lifecycle, URI target, boolean insecureTls) {
        this.lifecycle = lifecycle;
        this.target = target;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
        if (insecureTls) builder.sslContext(trustingEveryone());
        this.client = builder.build();
    }

    /** What setup left: its values by name, and the first failure (then later steps did not run). */
    public record SetupResult(Map<String, String> values, StepOutcome failure, int stepsRun) {

        public boolean ok() {
            return failure == null;
        }
    }

    /** Runs setup's steps in order until one fails. */
    public SetupResult setup() {
        String[] slots = new String[lifecycle.setupNames().size()];
        LifecycleContext context = new LifecycleContext(slots);
        int run = 0;
        for (int k = 0; k < lifecycle.setup().size(); k++) {
            run++;
            StepOutcome outcome = runStep(lifecycle.setup().get(k), "spec.setup[" + k + "]", context);
            if (!outcome.ok()) return new SetupResult(values(slots), outcome, run);
        }
        return new SetupResult(values(slots), null, run);
    }

    /**
     * Runs every teardown step, each whatever the one before did (a cleanup should clean as much as it can).
     *
     * @param setupValues what setup extracted (possibly partial, after a failed setup)
     * @return one outcome per step
     */
    public List<StepOutcome> teardown(Map<String, String> setupValues) {
        String[] slots = new String[lifecycle.teardownSlots().size()];
        for (int i = 0; i < lifecycle.setupNames().size(); i++) {
            slots[i] = setupValues.get(lifecycle.setupNames().get(i));
        }
        LifecycleContext context = new LifecycleContext(slots);
        List<StepOutcome> outcomes = new ArrayList<>();
        for (int k = 0; k < lifecycle.teardown().size(); k++) {
            outcomes.add(runStep(lifecycle.teardown().get(k), "spec.teardown[" + k + "]", context));
        }
        return outcomes;
    }

    private Map<String, String> values(String[] slots) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) values.put(lifecycle.setupNames().get(i), slots[i]);
        }
        return values;
    }

    private StepOutcome runStep(StepPlan step, String path, LifecycleContext context) {
        RequestPlan plan = step.request();
        HttpResponse<String> response;
        try {
            response = client.send(request(plan, context), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return new StepOutcome(path, "connect timeout");
        } catch (HttpTimeoutException e) {
            return new StepOutcome(path, "timeout after " + plan.timeoutMillis() + " ms");
        } catch (IOException e) {
            return new StepOutcome(path, "connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (PluginCallException e) {
            return new StepOutcome(path, e.getMessage()); // a plugin function threw while rendering
        } catch (IllegalArgumentException e) {
            return new StepOutcome(path, "invalid request: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepOutcome(path, "interrupted");
        }
        String failure = judge(step, response, context);
        return new StepOutcome(path, failure);
    }

    private HttpRequest request(RequestPlan plan, LifecycleContext context) {
        String base = target.toString();
        URI uri = URI.create(base + plan.pathAndQuery().render(context));
        HttpRequest.BodyPublisher body = plan.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(plan.body().text().render(context), StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(plan.timeoutMillis()))
                .method(plan.method(), body)
                .header("User-Agent", "stampede/0.1");
        boolean contentType = false;
        for (RequestPlan.HeaderPlan header : plan.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (CLIENT_HEADERS.contains(name)) continue;
            if (name.equals("user-agent")) {
                builder.setHeader(header.name(), header.value().render(context));
            } else {
                builder.header(header.name(), header.value().render(context));
            }
            contentType |= name.equals("content-type");
        }
        if (plan.body() != null && !contentType) builder.header("Content-Type", plan.body().contentType());
        return builder.build();
    }

    private static String judge(StepPlan step, HttpResponse<String> response, LifecycleContext context) {
        ExpectPlan expect = step.expect();
        if (!expect.statusAccepted(response.statusCode())) return expect.failureFor(response.statusCode());
        String body = response.body() == null ? "" : response.body();
        if (expect.bodyContains() != null && !body.contains(expect.bodyContains())) {
            return "body does not contain \"" + expect.bodyContains() + "\"";
        }
        ResponseView view = new ResponseView(response.statusCode(), body,
                name -> response.headers().firstValue(name).orElse(null), context);
        for (ResponseCheck check : expect.checks()) {
            String failure = check.failure(view);
            if (failure != null) return failure;
        }
        for (Extraction extraction : step.extractions()) {
            String value = extraction.source().extract(view);
            if (value == null) {
                return "extract " + extraction.name() + ": " + extraction.source().describe() + " not found";
            }
            context.set(extraction.slot(), value);
        }
        return null;
    }

    /** For {@code --insecure}: a test environment's self-signed certificate, as the users accept it. */
    private static SSLContext trustingEveryone() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }
}
