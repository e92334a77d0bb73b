package io.stampede.operator.build;

/**
 * One spec.data file in the master pod: the key of a {@code spec.dataFrom} ConfigMap, projected beside the LoadTest
 * file at the path spec.data names (relative, no {@code ..}), where the runner reads it.
 *
 * @param configMap the ConfigMap holding the file
 * @param key       the key: the file's name (the last segment of {@code path})
 * @param path      the path as written in spec.data, relative to the LoadTest file
 */
public record DataFileMount(String configMap, String key, String path) {
}
