package io.stampede.runner.hooks;

import io.stampede.runner.json.TreeReader;
import io.stampede.runner.json.TreeWriter;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a {@code spec.notify} webhook receives. Pure. Every event has {@code event}, {@code loadTest} and
 * {@code time} (ISO-8601 UTC); start adds {@code target}; end and breach add {@code exitCode}, {@code passed},
 * {@code message} and {@code summary}, the same document as {@code --json}.
 */
public final class NotifyPayload {

    private NotifyPayload() {
    }

    public static String start(String loadTest, String target, long epochMillis) {
        Map<String, Object> body = head("start", loadTest, epochMillis);
        body.put("target", target);
        return TreeWriter.compact(TreeWriter.toTree(body));
    }

    /**
     * @param event      end or breach
     * @param reportJson the {@code --json} document, or null when the run never started
     */
    public static String result(String event, String loadTest, long epochMillis, int exitCode, String message,
                                String reportJson) {
        Map<String, Object> body = head(event, loadTest, epochMillis);
        body.put("exitCode", exitCode);
        body.put("passed", exitCode == 0);
        body.put("message", message);
        try {
            body.put("summary", reportJson == null ? null : TreeReader.parse(reportJson));
        } catch (IOException e) {
            body.put("summary", null); // the report is ours and always JSON; a null beats no post
        }
        return TreeWriter.compact(TreeWriter.toTree(body));
    }

    private static Map<String, Object> head(String event, String loadTest, long epochMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("loadTest", loadTest);
        body.put("time", Instant.ofEpochMilli(epochMillis).toString());
        return body;
    }
}
