package io.stampede.runner.images;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instructions of a Dockerfile, enough to check what an image will contain and run: comments dropped,
 * continuation lines joined. No variable expansion.
 */
record Dockerfile(List<Instruction> instructions) {

    /** One instruction: its keyword in upper case and the rest of the line, trimmed. */
    record Instruction(String keyword, String arguments) {
    }

    /** A COPY of {@code sources} (relative to the build context) to {@code destination}. */
    record Copy(List<String> sources, String destination) {
    }

    static Dockerfile read(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) continue;
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String whole = pending.toString().strip();
            pending.setLength(0);
            if (whole.isEmpty()) continue;
            String[] parts = whole.split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The last instruction of that kind: the one that counts for USER, ENTRYPOINT, CMD, WORKDIR. */
    String last(String keyword) {
        List<String> all = all(keyword);
        if (all.isEmpty()) throw new AssertionError("no " + keyword + " instruction");
        return all.get(all.size() - 1);
    }

    /** COPY instructions in shell form (flags such as --chown skipped). */
    List<Copy> copies() {
        return all("COPY").stream().map(arguments -> {
            List<String> words = new ArrayList<>(List.of(arguments.split("\\s+")));
            words.removeIf(word -> word.startsWith("--"));
            return new Copy(List.copyOf(words.subList(0, words.size() - 1)), words.get(words.size() - 1));
        }).toList();
    }

    /** The ENTRYPOINT in exec form (a JSON array); fails on shell form, which would not receive signals. */
    List<String> entrypoint() throws IOException {
        String entrypoint = last("ENTRYPOINT");
        if (!entrypoint.startsWith("[")) {
            throw new AssertionError("ENTRYPOINT is in shell form: " + entrypoint);
        }
        return new ObjectMapper().readValue(entrypoint, new TypeReference<List<String>>() { });
    }
}
