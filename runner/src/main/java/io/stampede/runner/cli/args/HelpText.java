package io.stampede.runner.cli.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code --help}: a usage line, the description, then one line per parameter and option, wrapped at
 * {@value #WIDTH} columns. Pure: text in, text out.
 */
public final class HelpText {

    static final int WIDTH = 80;
    /** Help texts start in this column at most; a longer option name puts its text on the next line. */
    private static final int MAX_TEXT_COLUMN = 30;

    private HelpText() {
    }

    /** The help of one command; {@code program} is what precedes its name ({@code stampede}). */
    public static String of(String program, CommandSyntax syntax) {
        StringBuilder usage = new StringBuilder("Usage: ").append(program).append(' ').append(syntax.name());
        syntax.options().stream().filter(OptionSpec::required)
                .forEach(option -> usage.append(' ').append(option.longestName()).append('=').append(option.label()));
        usage.append(" [OPTIONS]");
        syntax.parameters().forEach(parameter -> usage.append(' ').append(parameter.label())
                .append(parameter.many() ? "..." : ""));

        List<String[]> rows = new ArrayList<>();
        syntax.parameters().forEach(parameter -> rows.add(new String[] {"      " + parameter.label(), parameter.help()}));
        syntax.options().forEach(option -> rows.add(new String[] {optionColumn(option), option.help()}));
        return usage + "\n" + paragraphs(syntax.description()) + table(rows, 2);
    }

    /** The program's own help: its usage, description, standard options and commands with their summaries. */
    public static String ofProgram(CommandSyntax program, Map<String, String> commandSummaries) {
        List<String[]> options = new ArrayList<>();
        program.options().forEach(option -> options.add(new String[] {optionColumn(option), option.help()}));
        List<String[]> commands = new ArrayList<>();
        commandSummaries.forEach((command, summary) -> commands.add(new String[] {"  " + command, summary}));
        return "Usage: " + program.name() + " [-hV] COMMAND\n" + paragraphs(program.description()) + table(options, 2)
                + "Commands:\n" + table(commands, 2);
    }

    /** Words wrapped at {@code width} columns, continuation lines indented by {@code indent}. */
    static List<String> wrap(String text, int width, int indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            int limit = lines.isEmpty() ? width : width - indent;
            if (line.length() > 0 && line.length() + 1 + word.length() > limit) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        for (int i = 1; i < lines.size(); i++) lines.set(i, " ".repeat(indent) + lines.get(i));
        return lines;
    }

    private static String optionColumn(OptionSpec option) {
        String first = option.names().get(0);
        boolean startsShort = !first.startsWith("--");
        return (startsShort ? "  " : "      ") + option.display();
    }

    private static String paragraphs(List<String> description) {
        StringBuilder text = new StringBuilder();
        description.forEach(paragraph -> wrap(paragraph, WIDTH, 0).forEach(line -> text.append(line).append('\n')));
        return text.toString();
    }

    private static String table(List<String[]> rows, int gap) {
        int column = 0;
        for (String[] row : rows) {
            if (row[0].length() + gap <= MAX_TEXT_COLUMN) column = Math.max(column, row[0].length() + gap);
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            List<String> help = wrap(row[1], WIDTH - column, 2);
            if (row[0].length() + gap > column) {
                text.append(row[0]).append('\n').append(" ".repeat(column));
            } else {
                text.append(row[0]).append(" ".repeat(column - row[0].length()));
            }
            text.append(help.get(0)).append('\n');
            for (String more : help.subList(1, help.size())) text.append(" ".repeat(column)).append(more).append('\n');
        }
        return text.toString();
    }
}
