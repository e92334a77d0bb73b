package io.stampede.runner.scenario.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the files a LoadTest names (multipart uploads) are read from: the compiler stays a function of its
 * arguments, and the caller decides what a relative path is relative to.
 */
@FunctionalInterface
public interface Attachments {

    /**
     * The file's bytes.
     *
     * @param path as written in the LoadTest
     * @throws IOException with a message fit for the user (no stack trace is shown)
     */
    byte[] read(String path) throws IOException;

    /** No file can be read (a LoadTest given as text only). */
    Attachments NONE = path -> {
        throw new IOException("cannot read files here: the LoadTest was not loaded from a file");
    };

    /** Paths relative to {@code directory} (the LoadTest file's), absolute paths as they are. */
    static Attachments relativeTo(Path directory) {
        return path -> {
            Path file = directory.resolve(path);
            try {
                if (Files.isDirectory(file)) throw new IOException(file + " is a directory, not a file");
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new IOException("no such file: " + file);
            } catch (IOException e) {
                throw new IOException(e.getMessage() != null && e.getMessage().startsWith(file.toString())
                        ? e.getMessage() : "cannot read " + file + ": " + e.getMessage());
            }
        };
    }
}
