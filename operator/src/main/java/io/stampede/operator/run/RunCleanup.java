package io.stampede.operator.run;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.RunLabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Deletes the objects of finished runs: those of earlier runs when a new run starts, and those of the last run
 * when its {@code ttlSecondsAfterFinished} is up. The LoadTest and its status stay. Only objects this operator
 * made for this very LoadTest (its labels and its owner reference) are touched; Jobs are deleted with their pods.
 */
public final class RunCleanup {

    private RunCleanup() {
    }

    /** @return how many objects were deleted */
    public static int delete(KubernetesClient client, LoadTest loadTest, IntPredicate runsToDelete) {
        String namespace = loadTest.getMetadata().getNamespace();
        Map<String, String> labels = Map.of(RunLabels.INSTANCE, RunLabels.instance(loadTest.getMetadata().getName()),
                RunLabels.MANAGED_BY, RunLabels.OPERATOR);
        List<HasMetadata> doomed = new ArrayList<>();
        doomed.addAll(client.batch().v1().jobs().inNamespace(namespace).withLabels(labels).list().getItems());
        doomed.addAll(client.pods().inNamespace(namespace).withLabels(labels).list().getItems());
        doomed.addAll(client.services().inNamespace(namespace).withLabels(labels).list().getItems());
        doomed.addAll(client.configMaps().inNamespace(namespace).withLabels(labels).list().getItems());
        doomed.addAll(client.secrets().inNamespace(namespace).withLabels(labels).list().getItems());
        doomed.addAll(client.network().v1().networkPolicies().inNamespace(namespace).withLabels(labels).list().getItems());
        int deleted = 0;
        for (HasMetadata object : doomed) {
            if (ownedBy(object, loadTest) && runsToDelete.test(run(object))) {
                client.resource(object).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
                deleted++;
            }
        }
        return deleted;
    }

    private static boolean ownedBy(HasMetadata object, LoadTest loadTest) {
        return object.getMetadata().getOwnerReferences().stream()
                .anyMatch(owner -> owner.getUid().equals(loadTest.getMetadata().getUid()));
    }

    private static int run(HasMetadata object) {
        try {
            return Integer.parseInt(object.getMetadata().getLabels().getOrDefault(RunLabels.RUN, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
