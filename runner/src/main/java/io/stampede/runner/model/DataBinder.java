package io.stampede.runner.model;

import io.stampede.runner.model.spec.DataPick;
import io.stampede.runner.model.spec.DataSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds {@code spec.data}: {@code NAME: {csv: FILE, pick: unique | sequential | random}} (or {@code json: FILE}).
 * Only the shape is checked here; the files are read (and their columns known) when the test is loaded.
 */
final class DataBinder {

    private static final String PICKS = "unique, sequential or random";

    private DataBinder() {
    }

    static Map<String, DataSpec> bind(Node node) {
        Map<String, DataSpec> sources = new LinkedHashMap<>();
        node.entries().forEach((name, value) -> {
            if (!FieldNames.isIdentifier(name)) {
                value.problem("a data source name is a letter or '_' followed by letters, digits or '_', got '"
                        + name + "'");
            } else if (name.equals("setup")) {
                value.problem("'setup' names the values spec.setup extracts (${setup.NAME}); call the source otherwise");
            }
            DataSpec source = source(value);
            if (source != null) {
                sources.put(name, source);
            }
        });
        return sources;
    }

    private static DataSpec source(Node value) {
        if (!value.required("{csv: FILE, pick: unique | sequential | random}")) {
            return null;
        }
        if (!value.json().isObject()) {
            value.problem("expected {csv: FILE, pick: " + PICKS.replace(" or", ",") + "} or {json: FILE, ...}, got "
                    + Node.describe(value.json()));
            return null;
        }
        value.checkFields(List.of("csv", "json", "pick"));
        String csv = file(value.field("csv"));
        String json = file(value.field("json"));
        if (csv == null && json == null && !value.has("csv") && !value.has("json")) {
            value.problem("needs a file: csv: FILE (with a header row) or json: FILE (an array of objects)");
            return null;
        }
        if (csv != null && json != null) {
            value.field("json").problem("a data source reads one file: give csv or json, not both");
            return null;
        }
        DataPick pick = pick(value.field("pick"));
        return csv == null && json == null || pick == null ? null : new DataSpec(csv, json, pick);
    }

    private static String file(Node node) {
        String file = node.string();
        if (file != null && file.isBlank()) {
            node.problem("expected a file path (relative to the LoadTest file), got an empty text");
            return null;
        }
        return file;
    }

    private static DataPick pick(Node node) {
        if (!node.present()) {
            return DataPick.SEQUENTIAL;
        }
        String text = node.string();
        if (text == null) {
            return null;
        }
        try {
            return DataPick.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            node.problem("expected " + PICKS + ", got '" + text + "'");
            return null;
        }
    }
}
