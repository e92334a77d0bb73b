package io.stampede.runner.scenario.compile;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which tasks run, like Locust's --tags and --exclude-tags: a task is kept when it has an included tag (or
 * nothing is included) and no excluded tag.
 *
 * @param path where a "nothing matches" problem is reported: the flag that set the filter, or spec.tags
 */
record TagFilter(Set<String> include, Set<String> exclude, String path) {

    TagFilter {
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
    }

    static TagFilter of(List<String> fileInclude, List<String> fileExclude, Overrides overrides) {
        List<String> include = overrides.includeTags() != null ? overrides.includeTags() : fileInclude;
        List<String> exclude = overrides.excludeTags() != null ? overrides.excludeTags() : fileExclude;
        String path = overrides.includeTags() != null ? Overrides.TAGS
                : overrides.excludeTags() != null ? Overrides.EXCLUDE_TAGS : "spec.tags";
        return new TagFilter(Set.copyOf(include), Set.copyOf(exclude), path);
    }

    boolean keeps(Collection<String> tags) {
        boolean included = include.isEmpty() || tags.stream().anyMatch(include::contains);
        return included && tags.stream().noneMatch(exclude::contains);
    }

    String describe() {
        return "include " + sorted(include) + ", exclude " + sorted(exclude);
    }

    private static List<String> sorted(Set<String> tags) {
        return tags.stream().sorted().toList();
    }
}
