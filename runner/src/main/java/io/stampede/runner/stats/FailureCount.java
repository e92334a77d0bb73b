package io.stampede.runner.stats;

/** How often one row failed with one cause over a run. */
public record FailureCount(RowKey row, String cause, long occurrences) {

    /** The row label, e.g. {@code GET /api/x}. */
    public String request() {
        return row.label();
    }
}
