package io.stampede.operator.run;

import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.stampede.operator.api.LoadTest;

import java.util.Objects;

/**
 * Which updates of a LoadTest trigger a reconcile: a new generation (the spec changed), a change of the
 * annotations users act with ({@link RunAnnotations}), of the finalizers, or a deletion. Not the operator's own
 * status patches. The reconciler turns JOSDK's generation-aware filtering off and uses this instead, because an
 * annotation does not change the generation.
 */
public final class RunEventFilter implements OnUpdateFilter<LoadTest> {

    @Override
    public boolean accept(LoadTest updated, LoadTest old) {
        if (old == null || updated.getMetadata() == null || old.getMetadata() == null) return true;
        return !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration())
                || RunAnnotations.changed(old, updated)
                || !Objects.equals(updated.getMetadata().getFinalizers(), old.getMetadata().getFinalizers())
                || updated.isMarkedForDeletion() != old.isMarkedForDeletion();
    }
}
