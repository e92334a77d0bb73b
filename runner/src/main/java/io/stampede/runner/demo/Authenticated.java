package io.stampede.runner.demo;

import java.util.function.Function;
import java.util.function.LongFunction;

/** Either the id of an authenticated user or the response that rejects the request. */
record Authenticated(long userId, DemoResponse rejection) {

    static Authenticated as(long userId) {
        return new Authenticated(userId, null);
    }

    static Authenticated rejected(DemoResponse rejection) {
        return new Authenticated(0, rejection);
    }

    DemoResponse fold(Function<DemoResponse, DemoResponse> onRejected, LongFunction<DemoResponse> onUser) {
        return rejection != null ? onRejected.apply(rejection) : onUser.apply(userId);
    }
}
