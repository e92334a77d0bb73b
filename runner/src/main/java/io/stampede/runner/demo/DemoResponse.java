package io.stampede.runner.demo;

import io.vertx.core.json.JsonObject;

/** A JSON answer of the demo API. */
record DemoResponse(int status, JsonObject body) {

    static DemoResponse ok(JsonObject body) {
        return new DemoResponse(200, body);
    }

    /** An error answer: {@code {"error": "<code>", "message": "<message>"}}. */
    static DemoResponse error(int status, String code, String message) {
        return new DemoResponse(status, new JsonObject().put("error", code).put("message", message));
    }
}
