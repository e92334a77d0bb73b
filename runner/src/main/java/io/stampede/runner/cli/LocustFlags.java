package io.stampede.runner.cli;

import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.run.ReportOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Locust's command-line flags that Stampede spells differently or does not take, with what to use instead. A
 * Locust user's flag gets this hint rather than a bare "unknown option" (still exit code 2: nothing runs on a
 * flag that was not understood). docs/coming-from-locust.md shows the same table.
 */
final class LocustFlags {

    /** Locust's flag, then what to use in Stampede; in the order the docs list them. */
    static final Map<String, String> HINTS = new LinkedHashMap<>();

    static {
        HINTS.put("-f", "give the LoadTest file as an argument: stampede run FILE");
        HINTS.put("--locustfile", "give the LoadTest file as an argument: stampede run FILE");
        HINTS.put("--headless", "Stampede is headless unless --web; drop --headless");
        HINTS.put("--run-time", "use --duration (-t), such as --duration 10m");
        HINTS.put("-H", "use --host URL");
        HINTS.put("--hatch-rate", "use --spawn-rate (-r)");
        HINTS.put("--only-summary", "use -q (--quiet): no live table, only the final results");
        HINTS.put("--stop-timeout", "set spec.load.stopTimeout in the file, such as stopTimeout: 10s (default 30s)");
        HINTS.put("--exit-code-on-error", "use " + ReportOptions.FAIL_ON_ERRORS_FLAG
                + " (exit code 1 when any request failed)");
        HINTS.put("--expect-workers", "a distributed run is stampede master FILE --expect-workers N, "
                + "with stampede worker --master HOST:PORT");
        HINTS.put("--master", "a distributed run is stampede master FILE --expect-workers N");
        HINTS.put("--worker", "a worker is stampede worker --master HOST:PORT");
        HINTS.put("--master-host", "a worker is stampede worker --master HOST:PORT");
        HINTS.put("--processes", "Stampede uses every core in one process; for more machines, stampede master "
                + "and stampede worker");
        HINTS.put("--web-port", "use --web [HOST:]PORT, such as --web 8089");
        HINTS.put("--web-host", "use --web [HOST:]PORT, such as --web 127.0.0.1:8089");
        HINTS.put("--autoquit", "use --web-linger D: how long the live view stays up after the run");
        HINTS.put("--config", "the LoadTest file is the configuration: stampede run FILE");
        HINTS.put("--step-load", "use spec.load.stages, or --preset NAME (stampede presets)");
        HINTS.put("-L", "Stampede has no log levels; -q (--quiet) prints only the final results");
        HINTS.put("--loglevel", "Stampede has no log levels; -q (--quiet) prints only the final results");
    }

    private LocustFlags() {
    }

    /** Adds every hint whose flag the command does not take itself. */
    static CommandSyntax hint(CommandSyntax syntax) {
        boolean web = syntax.options().stream().anyMatch(option -> option.names().contains("--web"));
        if (!web) {
            syntax.hint("--headless", "Stampede is headless; this command serves its live view at / of its API port");
        }
        HINTS.forEach(syntax::hint);
        return syntax;
    }
}
