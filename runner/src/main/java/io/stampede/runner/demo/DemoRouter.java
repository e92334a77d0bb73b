package io.stampede.runner.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Routes a request by exact method and path; anything not routed answers 404.
 * Threading: build it once, then dispatch from any thread.
 */
final class DemoRouter {

    private final Map<String, Function<DemoRequest, DemoResponse>> routes = new HashMap<>();

    DemoRouter route(String method, String path, Function<DemoRequest, DemoResponse> handler) {
        if (routes.putIfAbsent(key(method, path), handler) != null) {
            throw new IllegalArgumentException("routed twice: " + key(method, path));
        }
        return this;
    }

    /** True when a handler answers this method and path (without query). */
    boolean handles(String method, String path) {
        return routes.containsKey(key(method, path));
    }

    DemoResponse dispatch(DemoRequest request) {
        Function<DemoRequest, DemoResponse> handler = routes.get(key(request.method(), request.path()));
        if (handler == null) {
            return DemoResponse.error(404, "not_found", "no route for " + key(request.method(), request.path()));
        }
        return handler.apply(request);
    }

    private static String key(String method, String path) {
        return method + " " + path;
    }
}
