package io.stampede.runner.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.json.TreeReader;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Function;

/**
 * A response as checks and extractions read it. The body is parsed as JSON at most once, on first use, however
 * many checks and extractions read it. Not thread safe: one response, on its user's event loop.
 */
public final class ResponseView {

    private final int status;
    private final String body;
    private final Function<String, String> headers;
    private final TemplateContext user;
    private JsonNode json;
    private boolean parsed;

    /**
     * @param status  the status code
     * @param body    the body as text (UTF-8), never null
     * @param headers lookup of a response header by lower-case name, null when absent
     * @param user    the user the response came to (plugin checks render their settings for it), or null
     */
    public ResponseView(int status, String body, Function<String, String> headers, TemplateContext user) {
        this.status = status;
        this.body = body;
        this.headers = headers;
        this.user = user;
    }

    /** A view for checks that read only the body and headers. */
    public ResponseView(String body, Function<String, String> headers) {
        this(0, body, headers, null);
    }

    public int status() {
        return status;
    }

    /** The user the response came to, or null. */
    public TemplateContext user() {
        return user;
    }

    public String body() {
        return body;
    }

    /** The first header with this name (case-insensitive), or null. */
    public String header(String name) {
        return headers.apply(name.toLowerCase(Locale.ROOT));
    }

    /** The body as a JSON tree, or null when it is empty or not JSON. */
    public JsonNode json() {
        if (!parsed) {
            parsed = true;
            try {
                json = TreeReader.parse(body);
            } catch (IOException e) {
                json = null;
            }
        }
        return json;
    }
}
