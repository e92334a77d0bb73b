package io.stampede.runner.run;

import io.stampede.runner.model.FieldNames;
import io.stampede.runner.model.Problem;
import io.stampede.runner.model.spec.DataSpec;
import io.stampede.runner.scenario.data.DataParser;
import io.stampede.runner.scenario.data.DataSet;
import io.stampede.runner.scenario.data.DataTable;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the files of {@code spec.data} (UTF-8), each path relative to the directory of the LoadTest file (in a
 * cluster, the operator puts the {@code dataFrom} ConfigMaps' keys beside the LoadTest file). A file that cannot
 * be read or parsed is a problem at {@code spec.data.NAME.csv} (or {@code .json}).
 */
public final class DataFiles {

    private DataFiles() {
    }

    /** @param baseDir the directory of the LoadTest file */
    public static DataSet read(Map<String, DataSpec> sources, Path baseDir) {
        Map<String, DataTable> tables = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        sources.forEach((name, source) -> {
            String path = FieldNames.child("spec.data", name) + "." + source.fileField();
            Path file = baseDir.resolve(source.file()).normalize();
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                        .toString();
            } catch (NoSuchFileException e) {
                problems.add(new Problem(path, "the data file " + file + " does not exist (paths are relative to "
                        + "the LoadTest file)"));
                return;
            } catch (CharacterCodingException e) {
                problems.add(new Problem(path, "the data file " + file + " is not UTF-8 text"));
                return;
            } catch (IOException e) {
                problems.add(new Problem(path, "cannot read the data file " + file + ": " + e.getMessage()));
                return;
            }
            try {
                tables.put(name, source.csv() != null
                        ? DataParser.csv(name, source.pick(), text)
                        : DataParser.json(name, source.pick(), text));
            } catch (DataParser.BadDataException e) {
                problems.add(new Problem(path, "the data file " + file + " " + e.getMessage()));
            }
        });
        return new DataSet(tables, problems);
    }
}
