package io.stampede.runner.model.spec;

import java.util.List;

/** {@code spec.tags}: run tasks with an included tag (all when empty) and without an excluded one. */
public record TagsSpec(List<String> include, List<String> exclude) {

    public static final TagsSpec NONE = new TagsSpec(List.of(), List.of());

    public TagsSpec {
        include = Immutables.list(include);
        exclude = Immutables.list(exclude);
    }
}
