package io.stampede.operator.build;

import io.stampede.operator.api.LoadTest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels on every object of a run: the {@code app.kubernetes.io/*} set plus the run number, so that
 * {@code kubectl get pods -l app.kubernetes.io/instance=shop-api} finds a test's pods and a PodMonitor finds the
 * masters ({@code app.kubernetes.io/component=master}).
 */
public final class RunLabels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String RUN = "stampede.io/run";

    public static final String APP = "stampede";
    private static final int MAX_VALUE = 63;
    public static final String OPERATOR = "stampede-operator";

    private RunLabels() {
    }

    /** @param component master, worker, test or token */
    public static Map<String, String> of(LoadTest loadTest, int run, String component) {
        Map<String, String> labels = new LinkedHashMap<>(selector(loadTest, run, component));
        labels.put(MANAGED_BY, OPERATOR);
        labels.put(PART_OF, APP);
        return labels;
    }

    /**
     * The instance label's value for a LoadTest name: the name itself, or for a name past the 63 characters a
     * label value may have, the name cut short and a hash of the whole name.
     */
    public static String instance(String loadTestName) {
        return RunNames.cut(loadTestName, MAX_VALUE, loadTestName);
    }

    /** The labels that pick one component of one run, for a Service's selector. */
    public static Map<String, String> selector(LoadTest loadTest, int run, String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, APP);
        labels.put(INSTANCE, instance(loadTest.getMetadata().getName()));
        labels.put(COMPONENT, component);
        labels.put(RUN, Integer.toString(run));
        return labels;
    }
}
