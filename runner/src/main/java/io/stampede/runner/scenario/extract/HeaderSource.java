package io.stampede.runner.scenario.extract;

import io.stampede.runner.scenario.Extraction;
import io.stampede.runner.scenario.ResponseView;

import java.util.Locale;

/**
 * Extracts a response header's value.
 *
 * @param name the header's name, kept in lower case (the form lookups use)
 */
public record HeaderSource(String name) implements Extraction.ValueSource {

    public HeaderSource {
        name = name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String extract(ResponseView response) {
        return response.header(name);
    }

    @Override
    public String describe() {
        return "header " + name;
    }
}
