package io.stampede.runner.scenario.template;

import io.stampede.runner.plugin.Plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The names a template may read: the built-ins ({@code userId}, {@code workerIndex}, {@code iteration}),
 * constants (spec variables, already resolved and inlined into the compiled template) and the user class's
 * slots (values extracted from responses, read at render time).
 *
 * @param constants spec variables by name; their values never appear in a template's {@code source()}
 * @param slotNames the user class's extracted names, by slot index
 * @param rule      which constants may be read where this scope compiles (a header value, a path): a
 *                  {@code ${name}} whose value it refuses is an error at its position
 * @param data      the {@code spec.data} sources, by source index: {@code ${name.column}} reads the user's
 *                  current row at render time
 * @param plugins   where {@code ${name(args)}} finds a function that is not built in
 */
public record TemplateScope(Map<String, String> constants, List<String> slotNames, ConstantRule rule,
                            List<DataColumns> data, Plugins plugins) {

    /**
     * A data source's name and columns, as {@code ${name.column}} may read them.
     *
     * @param columns the file's columns; null when the file could not be read (its problem is reported already,
     *                so any column is taken rather than reported again)
     */
    public record DataColumns(String name, List<String> columns) {

        public DataColumns {
            columns = columns == null ? null : List.copyOf(columns);
        }
    }

    /** Decides whether a constant's value may be inlined; never repeats the value (it may be a secret). */
    @FunctionalInterface
    public interface ConstantRule {

        /** Every value is fine. */
        ConstantRule ANY = (name, value) -> null;

        /** @return why the value of variable {@code name} cannot go here, for people; null when it can */
        String problem(String name, String value);
    }

    public TemplateScope {
        constants = Map.copyOf(constants);
        slotNames = List.copyOf(slotNames);
        data = List.copyOf(data);
        plugins = plugins == null ? Plugins.NONE : plugins;
    }

    /** A scope without plugin functions. */
    public TemplateScope(Map<String, String> constants, List<String> slotNames, ConstantRule rule,
                         List<DataColumns> data) {
        this(constants, slotNames, rule, data, Plugins.NONE);
    }

    /** A scope without data sources. */
    public TemplateScope(Map<String, String> constants, List<String> slotNames, ConstantRule rule) {
        this(constants, slotNames, rule, List.of());
    }

    /** A scope in which every constant may be read anywhere. */
    public TemplateScope(Map<String, String> constants, List<String> slotNames) {
        this(constants, slotNames, ConstantRule.ANY);
    }

    /** This scope with another rule for its constants. */
    public TemplateScope withRule(ConstantRule rule) {
        return new TemplateScope(constants, slotNames, rule, data, plugins);
    }

    /** Why the constant {@code name} cannot be read in this scope, or null (also when it is no constant). */
    String refusal(String name) {
        String value = constants.get(name);
        return value == null || BuiltIn.byName(name) != null ? null : rule.problem(name, value);
    }

    /** The built-in variable names. */
    public static List<String> builtInNames() {
        return BuiltIn.NAMES;
    }

    /** What a {@code ${name}} compiles to, or null when the name is unknown. */
    Segment resolve(String name) {
        BuiltIn builtIn = BuiltIn.byName(name);
        if (builtIn != null) {
            return builtIn;
        }
        String constant = constants.get(name);
        if (constant != null) {
            return new Literal(constant);
        }
        int slot = slotNames.indexOf(name);
        return slot >= 0 ? new SlotRead(slot) : null;
    }

    /** Whether {@code name} is a data source (read as {@code ${name.column}}). */
    boolean isDataSource(String name) {
        return data.stream().anyMatch(source -> source.name().equals(name));
    }

    /**
     * What {@code ${source.column}} compiles to.
     *
     * @throws IllegalArgumentException naming what is wrong (unknown source or column) and what is known
     */
    Segment resolveData(String source, String column) {
        for (int i = 0; i < data.size(); i++) {
            DataColumns columns = data.get(i);
            if (columns.name().equals(source)) {
                int index = columns.columns() == null ? 0 : columns.columns().indexOf(column);
                if (index < 0) {
                    throw new IllegalArgumentException("unknown column '" + column + "' of data source '" + source
                            + "'; its columns: " + String.join(", ", columns.columns()));
                }
                return new DataRead(i, index);
            }
        }
        throw new IllegalArgumentException("unknown data source '" + source + "'; " + (data.isEmpty()
                ? "spec.data names none"
                : "spec.data names " + String.join(", ", data.stream().map(DataColumns::name).toList())));
    }

    /** Every name that resolves, for messages. */
    List<String> knownNames() {
        List<String> names = new ArrayList<>(BuiltIn.NAMES);
        constants.keySet().stream().sorted().forEach(names::add);
        names.addAll(slotNames);
        return names;
    }
}
