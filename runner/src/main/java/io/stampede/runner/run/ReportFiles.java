package io.stampede.runner.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks, before the first request, that every report file of a run can be written, so that a run is never spent
 * on reports that then cannot be saved.
 *
 * <p>The check does what writing will do, not what permission bits suggest (they say little to root or on
 * read-only mounts): it creates the missing parent directories (the reports would create them anyway) and opens each
 * file for writing without truncating it; a file it created is deleted again. An existing report is left as it was.
 */
public final class ReportFiles {

    /**
     * Why a report file cannot be written.
     *
     * @param reason for people: {@code cannot create the directory /proc/nope: no such file or directory}
     */
    public record Problem(ReportFile file, String reason) {

        /** {@code --csv /proc/nope/x: cannot create the directory /proc/nope: no such file or directory}. */
        public String message() {
            return file.flag() + " " + file.value() + ": " + reason;
        }
    }

    private ReportFiles() {
    }

    /**
     * The problems of the options' files, at most one per flag (the three CSV files of one prefix usually share
     * theirs); empty when every file can be written.
     */
    public static List<Problem> problems(ReportOptions options) {
        List<Problem> problems = new ArrayList<>();
        Set<String> failedFlags = new HashSet<>();
        for (ReportFile file : options.files()) {
            if (failedFlags.contains(file.flag())) continue;
            String reason = whyNotWritable(file.path());
            if (reason != null) {
                problems.add(new Problem(file, reason));
                failedFlags.add(file.flag());
            }
        }
        return problems;
    }

    /** Null when {@code path} can be written, else why not. */
    static String whyNotWritable(Path path) {
        if (Files.isDirectory(path)) return path + " is a directory";
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                return "cannot create the directory " + parent + ": " + describe(e);
            }
        }
        boolean existed = Files.exists(path);
        try (FileChannel ignored = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // Opened: the report can be written here.
        } catch (IOException e) {
            return "cannot write " + path + ": " + describe(e);
        }
        if (!existed) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Left empty; the report overwrites it at the end.
            }
        }
        return null;
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileAlreadyExistsException exists) return exists.getFile() + " is a file, not a directory";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason().toLowerCase();
        return e.getMessage();
    }
}
