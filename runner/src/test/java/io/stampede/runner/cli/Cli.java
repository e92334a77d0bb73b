package io.stampede.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the stampede command line in-process, capturing what it prints. */
final class Cli {

    record Outcome(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    static Outcome stampede(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StampedeCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Writes a LoadTest file into dir, with {@code TARGET} replaced by the given base URL. */
    static Path file(Path dir, String name, String yaml, String target) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, yaml.replace("TARGET", target));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
