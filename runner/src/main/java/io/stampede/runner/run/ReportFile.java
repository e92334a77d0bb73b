package io.stampede.runner.run;

import java.nio.file.Path;

/**
 * One file a run writes at its end.
 *
 * @param flag  the flag that asked for it ({@code --csv}), for messages
 * @param value the flag's value as given ({@code results/shop} for three CSV files)
 * @param path  the file itself
 */
public record ReportFile(String flag, String value, Path path) {
}
