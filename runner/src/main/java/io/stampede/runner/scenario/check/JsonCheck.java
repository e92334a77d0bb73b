package io.stampede.runner.scenario.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.scenario.ResponseCheck;
import io.stampede.runner.scenario.ResponseView;
import io.stampede.runner.scenario.extract.JsonPath;

/**
 * {@code expect.json: {"$.status": "ok"}}: the value at a JSONPath meets a condition. Causes:
 * {@code json $.status: expected "ok"}, {@code json $.items.length(): expected > 0, not found},
 * {@code json $.token: expected exists}, {@code json $.status: body is not JSON}. Pure and thread safe.
 */
public record JsonCheck(JsonPath path, Condition condition) implements ResponseCheck {

    @Override
    public String failure(ResponseView response) {
        JsonNode document = response.json();
        if (document == null) {
            return "json " + path + ": body is not JSON";
        }
        Object value = path.select(document);
        if (condition.test(value)) {
            return null;
        }
        String expected = "json " + path + ": expected " + condition.describe();
        return value == null && !(condition instanceof Condition.Exists) ? expected + ", not found" : expected;
    }

    @Override
    public boolean readsBody() {
        return true;
    }
}
