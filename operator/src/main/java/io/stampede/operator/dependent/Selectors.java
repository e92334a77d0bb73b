package io.stampede.operator.dependent;

/**
 * What each informer watches: only the objects this operator made, by component, so the operator does not cache
 * every pod, Secret and ConfigMap of the cluster. Kept in step with {@link io.stampede.operator.build.RunLabels}.
 */
final class Selectors {

    private static final String MINE = "app.kubernetes.io/managed-by=stampede-operator,app.kubernetes.io/component=";

    static final String TEST = MINE + "test";
    static final String TOKEN = MINE + "token";
    static final String MASTER = MINE + "master";
    static final String WORKER = MINE + "worker";

    private Selectors() {
    }
}
