package io.stampede.runner.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the demo API received: requests per {@code "METHOD path"} (path without its query string), counted when a
 * request arrives, and the 401 answers caused by expired tokens.
 * Threading: written from the event loop, read from any thread.
 */
final class DemoCounters {

    private final Map<String, LongAdder> requestsByRoute = new ConcurrentHashMap<>();
    private final LongAdder totalRequests = new LongAdder();
    private final LongAdder expiredTokenRejections = new LongAdder();

    void countRequest(String method, String path) {
        requestsByRoute.computeIfAbsent(method + " " + path, key -> new LongAdder()).increment();
        totalRequests.increment();
    }

    void countExpiredTokenRejection() {
        expiredTokenRejections.increment();
    }

    /** A sorted copy: {@code "GET /api/users" -> 42}. */
    Map<String, Long> requestCounts() {
        Map<String, Long> copy = new TreeMap<>();
        requestsByRoute.forEach((route, count) -> copy.put(route, count.sum()));
        return copy;
    }

    long totalRequests() {
        return totalRequests.sum();
    }

    long expiredTokenRejections() {
        return expiredTokenRejections.sum();
    }
}
