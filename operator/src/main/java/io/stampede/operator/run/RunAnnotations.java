package io.stampede.operator.run;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Map;
import java.util.Objects;

/**
 * The annotations a user sets with {@code kubectl annotate} to act on a LoadTest without editing its spec:
 * <ul>
 * <li>{@value #STOP}{@code =true}: end the current run early, as {@code Aborted}, keeping what was measured. The
 * operator removes the annotation once it has acted, so the next run is not stopped too.</li>
 * <li>{@value #RERUN}{@code =<any new value>}: run an unchanged spec again once the current run has finished (for
 * GitOps tools that re-apply the same spec, and CronJobs). The value a run was started under is kept in
 * {@code status.rerun}; only a different value starts another run.</li>
 * </ul>
 * Pure functions.
 */
public final class RunAnnotations {

    public static final String STOP = "stampede.io/stop";
    public static final String RERUN = "stampede.io/rerun";

    private RunAnnotations() {
    }

    /** True when {@value #STOP} is {@code true} (any case). */
    public static boolean stopRequested(HasMetadata resource) {
        return "true".equalsIgnoreCase(value(resource, STOP));
    }

    /** The {@value #RERUN} value, or null. */
    public static String rerun(HasMetadata resource) {
        return value(resource, RERUN);
    }

    /** True when the two resources differ in an annotation this class reads. */
    public static boolean changed(HasMetadata before, HasMetadata after) {
        return !Objects.equals(value(before, STOP), value(after, STOP))
                || !Objects.equals(value(before, RERUN), value(after, RERUN));
    }

    private static String value(HasMetadata resource, String key) {
        if (resource == null || resource.getMetadata() == null) return null;
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
