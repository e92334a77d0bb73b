package io.stampede.operator.check;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.stampede.operator.api.DataFromSpec;
import io.stampede.operator.api.DataSourceSpec;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.DataFileMount;
import io.stampede.runner.model.Problem;
import io.stampede.runner.model.spec.DataPick;
import io.stampede.runner.scenario.data.DataParser;
import io.stampede.runner.scenario.data.DataSet;
import io.stampede.runner.scenario.data.DataTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the files of {@code spec.data} in the ConfigMaps of {@code spec.dataFrom}: a file is the key named like its
 * last path segment ({@code data/accounts.csv} is the key {@code accounts.csv}), taken from the first ConfigMap
 * that has it. What is missing (a ConfigMap, a key) or unreadable is a problem at its field path; what is found is
 * parsed with the runner's own parser, so that the spec is validated against the real columns and rows, and mounted
 * where the runner reads it. Never quotes a file's content. A pure function of the LoadTest and the ConfigMaps.
 */
public final class DataFromFiles {

    /**
     * @param data     the tables found, with the problems of reading them, for the runner's compiler
     * @param problems what is missing, for the status (empty when every file was found)
     * @param mounts   where each found file goes in the master pod
     */
    public record Result(DataSet data, List<Problem> problems, List<DataFileMount> mounts) {
    }

    private DataFromFiles() {
    }

    /** @param configMaps the ConfigMaps of spec.dataFrom that exist, by name */
    public static Result resolve(LoadTest loadTest, Map<String, ConfigMap> configMaps) {
        Map<String, DataSourceSpec> sources = loadTest.getSpec().getData() == null ? Map.of()
                : loadTest.getSpec().getData();
        List<DataFromSpec> from = loadTest.getSpec().getDataFrom() == null ? List.of()
                : loadTest.getSpec().getDataFrom();
        List<Problem> missing = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            String name = from.get(i).getConfigMap();
            if (name != null && !configMaps.containsKey(name)) {
                missing.add(new Problem("spec.dataFrom[" + i + "].configMap", "the ConfigMap " + name
                        + " does not exist in namespace " + loadTest.getMetadata().getNamespace()));
            }
        }
        Map<String, DataTable> tables = new LinkedHashMap<>();
        List<Problem> unreadable = new ArrayList<>();
        List<DataFileMount> mounts = new ArrayList<>();
        sources.forEach((name, source) -> {
            String file = source.getCsv() != null ? source.getCsv() : source.getJson();
            if (file == null) return; // the runner's validator says what is missing
            String path = "spec.data." + name + (source.getCsv() != null ? ".csv" : ".json");
            if (file.startsWith("/") || List.of(file.split("/")).contains("..")) {
                missing.add(new Problem(path, "in a cluster a data file is a path below the LoadTest file's "
                        + "directory (no leading / and no ..), got " + file));
                return;
            }
            String key = file.substring(file.lastIndexOf('/') + 1);
            ConfigMap holder = from.stream().map(DataFromSpec::getConfigMap).map(configMaps::get)
                    .filter(map -> map != null && map.getData() != null && map.getData().containsKey(key))
                    .findFirst().orElse(null);
            if (holder == null) {
                missing.add(new Problem(path, notFound(key, from, configMaps)));
                return;
            }
            mounts.add(new DataFileMount(holder.getMetadata().getName(), key, file));
            DataPick pick = pick(source.getPick());
            String text = holder.getData().get(key);
            try {
                tables.put(name, source.getCsv() != null ? DataParser.csv(name, pick, text)
                        : DataParser.json(name, pick, text));
            } catch (DataParser.BadDataException e) {
                unreadable.add(new Problem(path, "the key " + key + " of the ConfigMap "
                        + holder.getMetadata().getName() + " " + e.getMessage()));
            }
        });
        return new Result(new DataSet(tables, unreadable), missing, mounts);
    }

    private static String notFound(String key, List<DataFromSpec> from, Map<String, ConfigMap> configMaps) {
        if (from.isEmpty()) {
            return "in a cluster a data file comes from a ConfigMap: add spec.dataFrom: [{configMap: NAME}] whose "
                    + "data has the key " + key + " (kubectl create configmap NAME --from-file=" + key + ")";
        }
        StringBuilder keys = new StringBuilder();
        for (DataFromSpec source : from) {
            ConfigMap map = configMaps.get(source.getConfigMap());
            if (map == null) continue;
            keys.append(keys.isEmpty() ? "" : "; ").append(source.getConfigMap()).append(" has ")
                    .append(map.getData() == null || map.getData().isEmpty() ? "no keys"
                            : String.join(", ", new TreeSet<>(map.getData().keySet())));
        }
        return "no ConfigMap of spec.dataFrom has the key " + key + (keys.isEmpty() ? "" : " (" + keys + ")");
    }

    /** The pick as written; a bad one reads as sequential here (the runner's validator reports it). */
    private static DataPick pick(String pick) {
        try {
            return pick == null ? DataPick.SEQUENTIAL : DataPick.valueOf(pick.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return DataPick.SEQUENTIAL;
        }
    }
}
