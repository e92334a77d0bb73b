package io.stampede.runner.model.spec;

import java.util.List;
import java.util.Map;

/**
 * {@code expect} as written.
 *
 * @param status       accepted statuses (100..599); empty means any 2xx or 3xx
 * @param messages     failure message by status
 * @param bodyContains text the body must contain, or null
 */
public record ExpectSpec(List<Integer> status, Map<Integer, String> messages, String bodyContains) {

    public ExpectSpec {
        status = Immutables.list(status);
        messages = Immutables.orderedMap(messages);
    }
}
