package io.stampede.runner.model.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

/**
 * A request as written. Text fields are templates, compiled later.
 *
 * @param method  upper-case, one of GET POST PUT PATCH DELETE HEAD OPTIONS
 * @param path    starts with '/', may have a query string
 * @param name    the stats row name, or null for the path without its query
 * @param headers header templates by name, in document order
 * @param json    a JSON body as a YAML tree, or null; a private copy: callers must not modify it
 * @param body    a text body, or null; never set together with json
 * @param timeout > 0, or null
 */
public record RequestSpec(String method, String path, String name, Map<String, String> headers, JsonNode json,
                          String body, Duration timeout) {

    public RequestSpec {
        headers = Immutables.orderedMap(headers);
        json = json == null ? null : json.deepCopy();
    }
}
