package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.FieldNames;
import io.stampede.runner.scenario.RequestPlan.HeaderPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Headers merged from several levels (defaults, then the user class, then the request): a later header replaces
 * an earlier one of the same name, ignoring case, in its place, with the later spelling. Immutable.
 */
final class CompiledHeaders {

    static final CompiledHeaders NONE = new CompiledHeaders(Map.of());

    private final Map<String, HeaderPlan> byLowerCaseName;

    private CompiledHeaders(Map<String, HeaderPlan> byLowerCaseName) {
        this.byLowerCaseName = byLowerCaseName;
    }

    /** These headers with the given ones compiled at {@code path} (a headers map) laid over them. */
    CompiledHeaders with(Map<String, String> headers, String path, TemplateFields templates) {
        Map<String, HeaderPlan> merged = new LinkedHashMap<>(byLowerCaseName);
        headers.forEach((name, value) -> {
            var template = templates.compileHeaderValue(value, FieldNames.child(path, name));
            if (template != null) {
                merged.put(name.toLowerCase(Locale.ROOT), new HeaderPlan(name, template));
            }
        });
        return new CompiledHeaders(merged);
    }

    /** The header of that name (any case), or null. */
    HeaderPlan get(String name) {
        return byLowerCaseName.get(name.toLowerCase(Locale.ROOT));
    }

    List<HeaderPlan> list() {
        return List.copyOf(new ArrayList<>(byLowerCaseName.values()));
    }
}
