package io.stampede.runner.model;

/**
 * One thing wrong with a LoadTest, located by the path of the offending field.
 *
 * @param path    where: {@code spec.userClasses[0].tasks[2].request.method}, a command-line flag such as
 *                {@code --users}, or {@code (file)} for problems with the file as a whole
 * @param message what is wrong and what was expected, for people
 */
public record Problem(String path, String message) {

    /** The path used for problems that belong to the whole file (unreadable, not YAML, empty). */
    public static final String FILE = "(file)";

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
