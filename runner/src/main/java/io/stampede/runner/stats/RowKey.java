package io.stampede.runner.stats;

/**
 * Identifies a stats row: the HTTP method and the row's name (Locust's {@code name=}).
 * The aggregate row is not a RowKey; it is the merge of every row.
 */
public record RowKey(String method, String name) {

    /** The row as users see it in tables and thresholds: {@code GET /api/products/{id}}. */
    public String label() {
        return method + " " + name;
    }

    @Override
    public String toString() {
        return label();
    }
}
