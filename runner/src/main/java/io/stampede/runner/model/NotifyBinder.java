package io.stampede.runner.model;

import io.stampede.runner.model.spec.NotifySpec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds {@code spec.notify: [{url, on: [start, end, breach]}]}. A URL is http or https with a host and no user or
 * password; its path and query are kept (webhook URLs often carry a token there), so a message about a URL shows
 * only its scheme, host and port.
 */
final class NotifyBinder {

    private static final List<String> FIELDS = List.of("url", "on");

    private NotifyBinder() {
    }

    static List<NotifySpec> bind(Node node) {
        List<NotifySpec> hooks = new ArrayList<>();
        for (Node element : node.list()) {
            if (!element.checkFields(FIELDS)) {
                if (!element.present()) element.problem("expected a webhook such as {url: https://hooks.example.com/x, on: [end]}");
                continue;
            }
            Node urlNode = element.field("url");
            String url = urlNode.required("such as https://hooks.example.com/stampede") ? urlNode.string() : null;
            if (url != null) {
                String problem = urlProblem(url);
                if (problem != null) urlNode.problem(problem);
            }
            List<String> on = events(element.field("on"));
            if (url != null) hooks.add(new NotifySpec(url.strip(), on));
        }
        return hooks;
    }

    private static List<String> events(Node node) {
        if (!node.present()) return List.of("end");
        List<String> events = new ArrayList<>();
        List<Node> elements = node.list();
        if (node.isEmptyList()) node.problem("expected at least one of " + String.join(", ", NotifySpec.EVENTS)
                + " (leave 'on' out for [end])");
        for (Node element : elements) {
            String event = element.string();
            if (event == null) continue;
            if (!NotifySpec.EVENTS.contains(event)) {
                element.problem("expected one of " + String.join(", ", NotifySpec.EVENTS) + ", got '" + event + "'");
            } else if (events.contains(event)) {
                element.problem("'" + event + "' is listed twice");
            } else {
                events.add(event);
            }
        }
        return events;
    }

    /** Why this is no webhook URL, for people (never repeating its path or query), or null when it is one. */
    static String urlProblem(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return "expected a URL such as https://hooks.example.com/stampede (" + e.getReason().replace(text, "") + ")";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "expected an http or https URL such as https://hooks.example.com/stampede, got "
                    + (scheme.isEmpty() ? "no scheme" : "the scheme '" + uri.getScheme() + "'");
        }
        if (uri.getRawUserInfo() != null) {
            return "expected no user or password in the URL: put a token in its path or query";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "expected a URL with a host, such as https://hooks.example.com/stampede";
        }
        return null;
    }
}
