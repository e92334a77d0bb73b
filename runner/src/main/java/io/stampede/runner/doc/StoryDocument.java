package io.stampede.runner.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The {@code story} section of every run's summary ({@link ReportDocument#story()}), the contract's
 * {@code status.story}:
 * <pre>
 * {"entries": [{"pattern": "cliff", "row": null, "at": {"elapsed": "7m10s", "elapsedSeconds": 430, "users": 380},
 *               "text": "p95 fine (40-60 ms) up to 360 users, then 900 ms+ at 380 users"}],
 *  "verdict": "graceful|catastrophic",
 *  "notEnoughData": null}
 * </pre>
 * At most 5 entries, the most severe first; {@code row} null for the aggregate; {@code at} null for
 * {@code stable}. A run too short to judge has no entries, a null verdict and {@code notEnoughData} saying why.
 */
public record StoryDocument(List<Entry> entries, String verdict, String notEnoughData) {

    public static final String SECTION = "story";

    public StoryDocument {
        entries = List.copyOf(entries);
    }

    /** @param at null for {@code stable} */
    public record Entry(String pattern, String row, At at, String text) {
    }

    /**
     * @param elapsed        since the start, as people write it: {@code 7m10s}
     * @param elapsedSeconds the same in whole seconds
     * @param users          users running then
     */
    public record At(String elapsed, long elapsedSeconds, int users) {
    }

    public ObjectNode toTree() {
        ObjectNode root = Fields.object();
        root.set("entries", Fields.array(entries, entry -> {
            ObjectNode node = Fields.object().put("pattern", entry.pattern()).put("row", entry.row());
            if (entry.at() == null) {
                node.putNull("at");
            } else {
                node.putObject("at").put("elapsed", entry.at().elapsed())
                        .put("elapsedSeconds", entry.at().elapsedSeconds()).put("users", entry.at().users());
            }
            return node.put("text", entry.text());
        }));
        root.put("verdict", verdict);
        root.put("notEnoughData", notEnoughData);
        return root;
    }

    /** @throws DocumentException naming the first field that is missing or of the wrong type */
    public static StoryDocument fromTree(JsonNode tree) {
        Fields root = Fields.of(tree, SECTION);
        return new StoryDocument(root.list("entries", entry -> {
            Fields at = entry.optionalObject("at");
            return new Entry(entry.text("pattern"), entry.optionalText("row"),
                    at == null ? null : new At(at.text("elapsed"), at.whole("elapsedSeconds"), at.count("users")),
                    entry.text("text"));
        }), root.optionalText("verdict"), root.optionalText("notEnoughData"));
    }
}
