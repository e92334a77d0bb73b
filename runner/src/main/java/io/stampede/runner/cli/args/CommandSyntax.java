package io.stampede.runner.cli.args;

import io.stampede.runner.text.DidYouMean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command accepts, declared once and used both to parse its arguments and to write its {@code --help}.
 * Every command gets {@code -h, --help} and {@code -V, --version}.
 *
 * <p>Parsing follows the usual conventions: {@code --name value}, {@code --name=value}, {@code -n value},
 * {@code -nvalue}, clustered flags ({@code -qk}), {@code --} ends the options. An option that takes a value takes
 * the next argument whatever it looks like ({@code --users -5} gives -5, which the command then refuses by name).
 * An option given twice is refused unless it is a list.
 *
 * <p>Declared by a command's code before any parsing; immutable in use; {@link #parse} is thread safe.
 */
public final class CommandSyntax {

    public static final String HELP = "--help";
    public static final String VERSION = "--version";

    private static final OptionSpec STANDARD_HELP =
            new OptionSpec(List.of("-h", HELP), null, "Show this help message and exit.", false, false);
    private static final OptionSpec STANDARD_VERSION =
            new OptionSpec(List.of("-V", VERSION), null, "Print version information and exit.", false, false);

    private final String name;
    private final List<String> description;
    private final List<OptionSpec> options = new ArrayList<>();
    private final List<ParameterSpec> parameters = new ArrayList<>();
    /** Every option by each of its names, {@code --help} and {@code --version} included. */
    private final Map<String, OptionSpec> byName = new LinkedHashMap<>();
    /** What to say instead of "did you mean" for a name this command does not take (another tool's flag). */
    private final Map<String, String> hints = new LinkedHashMap<>();

    /**
     * @param name        the command's name ({@code run}), or the program's for the top level
     * @param description paragraphs for {@code --help}; the first is the command's summary in {@code stampede --help}
     */
    public CommandSyntax(String name, String... description) {
        this.name = name;
        this.description = List.of(description);
        for (OptionSpec standard : List.of(STANDARD_HELP, STANDARD_VERSION)) {
            standard.names().forEach(standardName -> byName.put(standardName, standard));
        }
    }

    /** A flag: present or not. {@code names} as in {@code "-q, --quiet"} or {@code "--serve"}. */
    public CommandSyntax flag(String names, String help) {
        return add(new OptionSpec(split(names), null, help, false, false));
    }

    /** An option that takes one value, given at most once. */
    public CommandSyntax option(String names, String label, String help) {
        return add(new OptionSpec(split(names), label, help, false, false));
    }

    /** An option that takes one value and must be given. */
    public CommandSyntax requiredOption(String names, String label, String help) {
        return add(new OptionSpec(split(names), label, help, true, false));
    }

    /** An option whose values are split at commas and which may be repeated. */
    public CommandSyntax listOption(String names, String label, String help) {
        return add(new OptionSpec(split(names), label, help, false, true));
    }

    /**
     * What to tell a user who gives {@code optionName}, which this command does not take (another tool's habit,
     * such as Locust's {@code --run-time}); the parse still fails. Names this command declares are skipped.
     * The first hint given for a name stays.
     */
    public CommandSyntax hint(String optionName, String hint) {
        if (!byName.containsKey(optionName)) hints.putIfAbsent(optionName, hint);
        return this;
    }

    /** A required positional parameter. */
    public CommandSyntax parameter(String label, String help) {
        return addParameter(new ParameterSpec(label, help, false));
    }

    /** The last positional parameter, taking one or more values. */
    public CommandSyntax parameters(String label, String help) {
        return addParameter(new ParameterSpec(label, help, true));
    }

    public String name() {
        return name;
    }

    public List<String> description() {
        return description;
    }

    /** The declared options, then {@code --help} and {@code --version}, in the order {@code --help} lists them. */
    public List<OptionSpec> options() {
        List<OptionSpec> all = new ArrayList<>(options);
        all.add(STANDARD_HELP);
        all.add(STANDARD_VERSION);
        return all;
    }

    public List<ParameterSpec> parameters() {
        return List.copyOf(parameters);
    }

    /**
     * Parses a command's arguments (those after its name). When {@code --help} or {@code --version} is among them,
     * required options and parameters are not checked: the caller shows help or the version instead of running.
     */
    public Arguments parse(List<String> arguments) throws UsageException {
        Map<OptionSpec, List<String>> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (optionsEnded || argument.equals("-") || !argument.startsWith("-")) {
                positional.add(argument);
            } else if (argument.equals("--")) {
                optionsEnded = true;
            } else if (argument.startsWith("--")) {
                int equals = argument.indexOf('=');
                String optionName = equals < 0 ? argument : argument.substring(0, equals);
                OptionSpec option = lookup(optionName, argument);
                if (option.isFlag()) {
                    if (equals >= 0) throw new UsageException("option '" + optionName + "' takes no value");
                    record(values, option, "");
                } else if (equals >= 0) {
                    record(values, option, argument.substring(equals + 1));
                } else {
                    record(values, option, next(arguments, i++, option));
                }
            } else {
                OptionSpec option = lookup(argument.substring(0, 2), argument);
                String rest = argument.substring(2);
                if (option.isFlag()) {
                    record(values, option, "");
                    for (char c : rest.toCharArray()) {
                        OptionSpec clustered = lookup("-" + c, argument);
                        if (!clustered.isFlag()) {
                            throw new UsageException("option '-" + c + "' needs a value; give it on its own: -" + c
                                    + " " + clustered.label());
                        }
                        record(values, clustered, "");
                    }
                } else if (!rest.isEmpty()) {
                    record(values, option, rest.startsWith("=") ? rest.substring(1) : rest);
                } else {
                    record(values, option, next(arguments, i++, option));
                }
            }
        }
        Arguments parsed = new Arguments(byName, values, positional, parameters);
        if (!parsed.flag(HELP) && !parsed.flag(VERSION)) {
            check(values, positional);
        }
        return parsed;
    }

    private CommandSyntax add(OptionSpec option) {
        for (String optionName : option.names()) {
            if (byName.containsKey(optionName)) {
                throw new IllegalArgumentException(name + ": option " + optionName + " is declared twice");
            }
            byName.put(optionName, option);
        }
        options.add(option);
        return this;
    }

    private CommandSyntax addParameter(ParameterSpec parameter) {
        if (!parameters.isEmpty() && parameters.get(parameters.size() - 1).many()) {
            throw new IllegalArgumentException(name + ": only the last parameter may take several values");
        }
        parameters.add(parameter);
        return this;
    }

    private OptionSpec lookup(String optionName, String argument) throws UsageException {
        OptionSpec option = byName.get(optionName);
        if (option != null) return option;
        if (hints.containsKey(optionName)) {
            throw new UsageException("unknown option: '" + argument + "': " + hints.get(optionName));
        }
        // Only long names get a "did you mean": any one-letter name is one edit away from every other.
        List<String> known = byName.keySet().stream().filter(candidate -> candidate.startsWith("--")).toList();
        String hint = optionName.startsWith("--") ? DidYouMean.hint(optionName, known) : "";
        throw new UsageException("unknown option: '" + argument + "'" + hint);
    }

    private static String next(List<String> arguments, int index, OptionSpec option) throws UsageException {
        if (index + 1 >= arguments.size()) {
            throw new UsageException("option '" + option.longestName() + "' needs a value (" + option.label() + ")");
        }
        return arguments.get(index + 1);
    }

    private static void record(Map<OptionSpec, List<String>> values, OptionSpec option, String value)
            throws UsageException {
        List<String> given = values.computeIfAbsent(option, key -> new ArrayList<>());
        if (option.list()) {
            Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty()).forEach(given::add);
        } else if (!given.isEmpty() && !option.isFlag()) {
            throw new UsageException("option '" + option.longestName() + "' is given more than once");
        } else {
            given.add(value);
        }
    }

    private void check(Map<OptionSpec, List<String>> values, List<String> positional) throws UsageException {
        for (OptionSpec option : options) {
            if (option.required() && !values.containsKey(option)) {
                throw new UsageException("missing required option: '" + option.longestName() + "=" + option.label()
                        + "'");
            }
        }
        if (positional.size() < parameters.size()) {
            throw new UsageException("missing required parameter: '" + parameters.get(positional.size()).label()
                    + "'");
        }
        boolean lastTakesMany = !parameters.isEmpty() && parameters.get(parameters.size() - 1).many();
        if (positional.size() > parameters.size() && !lastTakesMany) {
            throw new UsageException("unexpected argument: '" + positional.get(parameters.size()) + "'");
        }
    }

    private static List<String> split(String names) {
        return Arrays.stream(names.split(",")).map(String::trim).toList();
    }
}
