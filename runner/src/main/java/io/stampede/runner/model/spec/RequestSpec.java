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
 * @param form    an application/x-www-form-urlencoded body: value templates by field name, in document order, or
 *                null; at most one of json, body, form and multipart is set
 * @param multipart a multipart/form-data body, or null
 * @param followRedirects redirects to follow for this request (0 = none), or null for spec.defaults'
 * @param sign    the request signer for this request, replacing its class's and spec.defaults', or null
 */
public record RequestSpec(String method, String path, String name, Map<String, String> headers, JsonNode json,
                          String body, Duration timeout, Map<String, String> form, MultipartSpec multipart,
                          Integer followRedirects, PluginUseSpec sign) {

    public RequestSpec {
        headers = Immutables.orderedMap(headers);
        json = json == null ? null : json.deepCopy();
        form = form == null ? null : Immutables.orderedMap(form);
    }

    /** A request without its own signer. */
    public RequestSpec(String method, String path, String name, Map<String, String> headers, JsonNode json,
                       String body, Duration timeout, Map<String, String> form, MultipartSpec multipart,
                       Integer followRedirects) {
        this(method, path, name, headers, json, body, timeout, form, multipart, followRedirects, null);
    }

    /** A request with a json or text body (or none), following spec.defaults' redirects. */
    public RequestSpec(String method, String path, String name, Map<String, String> headers, JsonNode json,
                       String body, Duration timeout) {
        this(method, path, name, headers, json, body, timeout, null, null, null);
    }
}
