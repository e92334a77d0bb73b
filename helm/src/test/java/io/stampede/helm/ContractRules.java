package io.stampede.helm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.TreeSet;

/**
 * The operator's permissions as the cluster contract lists them, flattened to "group/resource:verb" grants, so a
 * rendered Role or ClusterRole can be compared whatever the grouping of its rules.
 */
final class ContractRules {

    static final Set<String> GRANTS = Set.copyOf(expected());

    private ContractRules() {
    }

    private static Set<String> expected() {
        Set<String> grants = new TreeSet<>();
        add(grants, "stampede.io", Set.of("loadtests"), Set.of("get", "list", "watch", "patch", "update"));
        add(grants, "stampede.io", Set.of("loadtests/status"), Set.of("get", "patch", "update"));
        add(grants, "stampede.io", Set.of("loadtests/finalizers"), Set.of("update"));
        add(grants, "", Set.of("configmaps", "secrets", "services", "pods"),
                Set.of("get", "list", "watch", "create", "patch", "update", "delete"));
        // Made once per run with server-side apply (a PATCH, also for a create-only dependent), deleted with the run.
        add(grants, "batch", Set.of("jobs"), Set.of("get", "list", "watch", "create", "patch", "delete"));
        // Made once per run (server-side apply: create and patch), deleted with the run's other objects; never updated.
        add(grants, "networking.k8s.io", Set.of("networkpolicies"),
                Set.of("get", "list", "watch", "create", "patch", "delete"));
        add(grants, "", Set.of("events"), Set.of("create", "patch"));
        return grants;
    }

    private static void add(Set<String> grants, String group, Set<String> resources, Set<String> verbs) {
        for (String resource : resources) {
            for (String verb : verbs) grants.add(group + "/" + resource + ":" + verb);
        }
    }

    /** The grants of a rendered Role or ClusterRole; resourceNames and nonResourceURLs are not expected there. */
    static Set<String> grantsOf(JsonNode role) {
        Set<String> grants = new TreeSet<>();
        for (JsonNode rule : role.path("rules")) {
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    for (JsonNode verb : rule.path("verbs")) {
                        grants.add(group.asText() + "/" + resource.asText() + ":" + verb.asText());
                    }
                }
            }
        }
        return grants;
    }
}
