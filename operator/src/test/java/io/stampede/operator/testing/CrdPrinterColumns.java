package io.stampede.operator.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed CRD (crds/) is the generated one with its printer columns in the order users read them: Fabric8's
 * generator sorts columns by JSON path (AGE first), and kubectl shows them in the CRD's order. Pure text edit of
 * the generator's YAML: the column entries are moved, nothing else changes.
 */
public final class CrdPrinterColumns {

    /** Column names in the order {@code kubectl get loadtests} shows them; Message is at priority 1 (-o wide). */
    public static final List<String> READING_ORDER =
            List.of("Phase", "Users", "RPS", "P95(ms)", "Failures", "Workers", "Age", "Message");

    private static final Pattern BLOCK = Pattern.compile("(?m)^(  - additionalPrinterColumns:\\n)((?:    [- ].*\\n)+)");
    private static final Pattern NAME = Pattern.compile("(?m)^      name: \"([^\"]*)\"$");

    private CrdPrinterColumns() {
    }

    /** The generated CRD's text with each version's printer columns in {@link #READING_ORDER}. */
    public static String inReadingOrder(String generatedCrd) {
        Matcher block = BLOCK.matcher(generatedCrd);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            List<String> entries = new ArrayList<>();
            for (String line : block.group(2).split("(?<=\\n)")) {
                if (line.startsWith("    - ")) entries.add(line);
                else entries.set(entries.size() - 1, entries.get(entries.size() - 1) + line);
            }
            entries.sort(Comparator.comparingInt(CrdPrinterColumns::rank));
            block.appendReplacement(out, Matcher.quoteReplacement(block.group(1) + String.join("", entries)));
        }
        block.appendTail(out);
        return out.toString();
    }

    private static int rank(String entry) {
        Matcher name = NAME.matcher(entry);
        if (!name.find() || !READING_ORDER.contains(name.group(1))) {
            throw new IllegalArgumentException("a printer column not in READING_ORDER: " + entry);
        }
        return READING_ORDER.indexOf(name.group(1));
    }
}
