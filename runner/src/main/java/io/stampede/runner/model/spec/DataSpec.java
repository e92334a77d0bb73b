package io.stampede.runner.model.spec;

/**
 * One named source of {@code spec.data}: rows that users draw from (Gatling's feeders, k6's SharedArray).
 * Exactly one of {@code csv} and {@code json} is set.
 *
 * @param csv  a CSV file with a header row, relative to the LoadTest file, or null
 * @param json a file holding a JSON array of flat objects, relative to the LoadTest file, or null
 * @param pick how users draw rows
 */
public record DataSpec(String csv, String json, DataPick pick) {

    /** The file as written, whichever kind it is. */
    public String file() {
        return csv != null ? csv : json;
    }

    /** The field that names the file: {@code csv} or {@code json}. */
    public String fileField() {
        return csv != null ? "csv" : "json";
    }
}
