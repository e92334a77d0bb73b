package io.stampede.runner.scenario.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.stampede.runner.model.spec.DataPick;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the text of a data file into a {@link DataTable}, or says what is wrong with it (in words for people,
 * never quoting a value: data files hold passwords). CSV is parsed by Jackson's CSV dataformat (RFC 4180 quoting,
 * the first row names the columns); JSON is an array of flat objects whose keys are the columns, the same keys
 * in every object, values text, numbers or booleans (written as text). Pure and thread safe.
 */
public final class DataParser {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is wrong with a data file's content. */
    public static final class BadDataException extends Exception {
        public BadDataException(String message) {
            super(message);
        }
    }

    private DataParser() {
    }

    /** A CSV file's text: a header row, then at least one row with one value per column. */
    public static DataTable csv(String name, DataPick pick, String text) throws BadDataException {
        List<String[]> lines = new ArrayList<>();
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(withoutBom(text))) {
            while (rows.hasNextValue()) {
                lines.add(rows.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new BadDataException("is not valid CSV (line " + (lines.size() + 1) + ")");
        }
        if (lines.isEmpty()) {
            throw new BadDataException("is empty: expected a header row naming the columns, then the rows");
        }
        List<String> columns = columns(Arrays.asList(lines.get(0)));
        if (lines.size() == 1) {
            throw new BadDataException("has a header row but no rows");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] values = lines.get(i);
            if (values.length != columns.size()) {
                throw new BadDataException("row " + i + " (line " + (i + 1) + ") has " + values.length
                        + (values.length == 1 ? " value" : " values") + "; the header has " + columns.size()
                        + " columns (" + String.join(", ", columns) + ")");
            }
            rows.add(Arrays.asList(values));
        }
        return new DataTable(name, pick, columns, rows);
    }

    /** A JSON file's text: an array of at least one flat object, all with the same keys. */
    public static DataTable json(String name, DataPick pick, String text) throws BadDataException {
        JsonNode array;
        try {
            array = JSON.readTree(withoutBom(text));
        } catch (JsonProcessingException e) {
            throw new BadDataException("is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (array == null || !array.isArray()) {
            throw new BadDataException("expected a JSON array of objects, such as [{\"email\": \"a@example.com\"}]");
        }
        if (array.isEmpty()) {
            throw new BadDataException("is an empty array: expected at least one object");
        }
        List<String> columns = null;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isObject()) {
                throw new BadDataException("element [" + i + "] is not an object");
            }
            List<String> keys = new ArrayList<>();
            element.fieldNames().forEachRemaining(keys::add);
            if (columns == null) {
                columns = columns(keys);
            } else if (!new HashSet<>(keys).equals(new HashSet<>(columns))) {
                throw new BadDataException("element [" + i + "] has the keys " + String.join(", ", keys)
                        + "; element [0] has " + String.join(", ", columns) + " (every element needs the same keys)");
            }
            List<String> row = new ArrayList<>(columns.size());
            for (String column : columns) {
                JsonNode value = element.get(column);
                if (value.isContainerNode()) {
                    throw new BadDataException("element [" + i + "]." + column
                            + " is an object or array: values are text, numbers or booleans");
                }
                row.add(value.isNull() ? "" : value.asText());
            }
            rows.add(row);
        }
        return new DataTable(name, pick, columns, rows);
    }

    private static List<String> columns(List<String> header) throws BadDataException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (column.isBlank()) {
                throw new BadDataException("column " + (i + 1) + " has no name in the header row");
            }
            if (!seen.add(column)) {
                throw new BadDataException("names the column '" + column + "' twice");
            }
        }
        return List.copyOf(header);
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
