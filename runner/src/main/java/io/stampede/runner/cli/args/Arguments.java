package io.stampede.runner.cli.args;

import java.util.List;
import java.util.Map;

/**
 * A command's parsed arguments. Options are looked up by any of their names; asking for a name the command did not
 * declare is a programming error ({@link IllegalArgumentException}). Immutable.
 */
public final class Arguments {

    private final Map<String, OptionSpec> byName;
    private final Map<OptionSpec, List<String>> values;
    private final List<String> positional;
    private final List<ParameterSpec> parameters;

    Arguments(Map<String, OptionSpec> byName, Map<OptionSpec, List<String>> values, List<String> positional,
              List<ParameterSpec> parameters) {
        this.byName = Map.copyOf(byName);
        this.values = Map.copyOf(values);
        this.positional = List.copyOf(positional);
        this.parameters = List.copyOf(parameters);
    }

    /** Whether a flag (or any option) was given, {@code --help} and {@code --version} included. */
    public boolean flag(String name) {
        return values.containsKey(option(name));
    }

    /** An option's text as given, or null when absent. */
    public String text(String name) {
        List<String> given = values.get(option(name));
        return given == null ? null : given.get(0);
    }

    /** An option's value, or null when absent; a text the converter refuses names the option and the text. */
    public <T> T value(String name, Converter<T> converter) throws UsageException {
        String text = text(name);
        return text == null ? null : convert(option(name).longestName(), "option", text, converter);
    }

    /** An option's value, or {@code fallback} when absent. */
    public <T> T value(String name, Converter<T> converter, T fallback) throws UsageException {
        T value = value(name, converter);
        return value == null ? fallback : value;
    }

    /** A list option's values in order, or null when it was not given at all. */
    public List<String> list(String name) {
        List<String> given = values.get(option(name));
        return given == null ? null : List.copyOf(given);
    }

    /** The value of the positional parameter with this label (its first value when it takes several). */
    public <T> T parameter(String label, Converter<T> converter) throws UsageException {
        return parameterValues(label, converter).get(0);
    }

    /** Every value of the positional parameter with this label. */
    public <T> List<T> parameterValues(String label, Converter<T> converter) throws UsageException {
        for (int index = 0; index < parameters.size(); index++) {
            ParameterSpec parameter = parameters.get(index);
            if (parameter.label().equals(label)) {
                List<String> texts = parameter.many() ? positional.subList(index, positional.size())
                        : positional.subList(index, index + 1);
                List<T> converted = new java.util.ArrayList<>();
                for (String text : texts) converted.add(convert(label, "parameter", text, converter));
                return converted;
            }
        }
        throw new IllegalArgumentException("no parameter " + label);
    }

    private OptionSpec option(String name) {
        OptionSpec option = byName.get(name);
        if (option == null) throw new IllegalArgumentException("no option " + name);
        return option;
    }

    private static <T> T convert(String name, String kind, String text, Converter<T> converter)
            throws UsageException {
        try {
            return converter.convert(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid value for " + kind + " '" + name + "': " + e.getMessage());
        }
    }
}
