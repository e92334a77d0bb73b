package io.stampede.runner.demo;

import java.util.Map;

/**
 * A request as the demo's endpoints see it, already read in full.
 *
 * @param method        upper-case HTTP method
 * @param path          the path without its query string
 * @param query         query parameters (the first value of each)
 * @param authorization the Authorization header, or null
 * @param body          the body as text, empty when there was none
 */
record DemoRequest(String method, String path, Map<String, String> query, String authorization, String body) {

    DemoRequest {
        query = Map.copyOf(query);
    }
}
