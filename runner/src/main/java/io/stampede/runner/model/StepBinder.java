package io.stampede.runner.model;

import io.stampede.runner.model.spec.ExpectSpec;
import io.stampede.runner.model.spec.ExtractSpec;
import io.stampede.runner.model.spec.PluginUseSpec;
import io.stampede.runner.model.spec.RequestSpec;
import io.stampede.runner.model.spec.StepSpec;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Binds a step (request, expect, extract) and the header maps shared with classes and defaults. */
final class StepBinder {

    static final List<String> STEP_FIELDS = List.of("request", "expect", "extract", "step");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final List<String> REQUEST_FIELDS =
            List.of("method", "path", "name", "headers", "json", "body", "timeout", "form", "multipart",
                    "followRedirects", "sign");
    private static final List<String> EXTRACT_KINDS = List.of("jsonPath", "header");

    private StepBinder() {
    }

    /** Reads request, expect and extract from the given map (a step, or a task written with request). */
    static StepSpec step(Node holder) {
        Node requestNode = holder.field("request");
        if (!requestNode.required("such as {method: GET, path: /api/items}")) {
            return null;
        }
        RequestSpec request = request(requestNode);
        ExpectSpec expect = ExpectBinder.expect(holder.field("expect"));
        Map<String, ExtractSpec> extract = extract(holder.field("extract"));
        return request == null ? null : new StepSpec(request, expect, extract);
    }

    private static RequestSpec request(Node request) {
        if (!request.checkFields(REQUEST_FIELDS)) {
            return null;
        }
        String method = method(request.field("method"));
        String path = path(request.field("path"));
        Node nameNode = request.field("name");
        String name = nameNode.string();
        if (name != null && name.isBlank()) {
            nameNode.problem("expected a stats row name such as /api/products/{id}, got an empty text");
        }
        String body = request.field("body").string();
        BodyBinder.checkOneBody(request);
        return new RequestSpec(method, path, name, headers(request.field("headers")), request.field("json").json(),
                body, timeout(request.field("timeout")), BodyBinder.form(request.field("form")),
                BodyBinder.multipart(request.field("multipart")),
                BodyBinder.followRedirects(request.field("followRedirects")), sign(request.field("sign")));
    }

    private static String method(Node node) {
        if (!node.required("one of " + String.join(", ", METHODS))) {
            return null;
        }
        String method = node.string();
        if (method == null) {
            return null;
        }
        String upper = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            node.problem("expected one of " + String.join(", ", METHODS) + ", got '" + method + "'");
        }
        return upper;
    }

    private static String path(Node node) {
        if (!node.required("such as /api/items")) {
            return null;
        }
        String path = node.string();
        if (path == null) {
            return null;
        }
        if (path.startsWith("http://") || path.startsWith("https://")) {
            node.problem("expected a path such as /api/items, not a URL: put the base URL in spec.target");
        } else if (!path.startsWith("/")) {
            node.problem("must start with '/' (it is relative to spec.target), got '" + path + "'");
        } else if (path.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            node.problem("must not contain spaces or control characters (encode a space as %20)");
        }
        return path;
    }

    /** {@code sign: {plugin: NAME, with: {...}}} on a request, a user class or spec.defaults. */
    static PluginUseSpec sign(Node node) {
        return PluginUseBinder.use(node, "{plugin: hmacSha256, with: {key: \"${hmacKey}\"}}");
    }

    static Duration timeout(Node node) {
        return LoadBinder.positive(node);
    }

    /**
     * A header map: names are HTTP tokens, unique ignoring case; values are text without control characters
     * (a tab is fine). Host, Content-Length and Transfer-Encoding are the runner's; Connection is close or
     * keep-alive.
     */
    static Map<String, String> headers(Node node) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        node.entries().forEach((name, value) -> {
            if (!FieldNames.isHeaderName(name)) {
                value.problem("'" + name + "' is not a valid header name (letters, digits and -, no spaces or ':')");
            }
            String earlier = seen.put(name.toLowerCase(Locale.ROOT), name);
            if (earlier != null) {
                value.problem("header " + name + " is set twice (as " + earlier + " and " + name
                        + "; names ignore case)");
            }
            value.required("the header's value");
            String text = value.scalarText();
            if (text == null) {
                return;
            }
            String framing = WireText.FRAMING_HEADERS.stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
            String problem = WireText.headerValueProblem(text);
            if (framing != null) {
                value.problem(framing.equals("Host")
                        ? "the runner sets Host from spec.target (or --host): set the host there"
                        : "the runner sets " + framing + " from the request's body: leave it out");
            } else if (name.equalsIgnoreCase("Connection")
                    && WireText.CONNECTION_VALUES.stream().noneMatch(text.strip()::equalsIgnoreCase)) {
                value.problem("expected close or keep-alive (the runner keeps one connection per user; close "
                        + "opens a new one for each request), got '" + text + "'");
            } else if (problem != null) {
                value.problem("a header value cannot hold control characters (they would end the header and "
                        + "start another); found " + problem);
            } else {
                headers.put(name, text);
            }
        });
        return headers;
    }

    private static Map<String, ExtractSpec> extract(Node extract) {
        Map<String, ExtractSpec> extractions = new LinkedHashMap<>();
        extract.entries().forEach((name, source) -> {
            if (!FieldNames.isIdentifier(name)) {
                source.problem("a variable name is a letter or '_' followed by letters, digits or '_', got '"
                        + name + "'");
            }
            ExtractSpec spec = extractSource(source);
            if (spec != null) {
                extractions.put(name, spec);
            }
        });
        return extractions;
    }

    private static ExtractSpec extractSource(Node source) {
        if (!source.required("{jsonPath: $.field} or {header: Name}") || !source.checkFields(EXTRACT_KINDS)) {
            return null;
        }
        List<String> kinds = EXTRACT_KINDS.stream().filter(source::has).toList();
        if (kinds.size() != 1) {
            source.problem("expected exactly one of {jsonPath: $.field} or {header: Name}, got "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
            return null;
        }
        Node node = source.field(kinds.get(0));
        String text = node.string();
        if (text == null) {
            return null;
        }
        if (kinds.get(0).equals("header")) {
            if (!FieldNames.isHeaderName(text)) {
                node.problem("'" + text + "' is not a valid header name");
                return null;
            }
            return new ExtractSpec.Header(text);
        }
        return new ExtractSpec.JsonPath(text);
    }
}
