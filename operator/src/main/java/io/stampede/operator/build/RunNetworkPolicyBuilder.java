package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestSpec;
import io.stampede.operator.api.NotifySpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The NetworkPolicies of a run, so that what reaches a pod cannot aim the load elsewhere than the validated target:
 * <ul>
 *   <li>workers: no ingress (they serve nothing); egress only to DNS (port 53, any address: clusters serve DNS from
 *   CoreDNS pods, a node-local cache or the host), to their master's pod on 5557, and to the target
 *   ({@link TargetPeer});</li>
 *   <li>master: egress only to what it calls itself: the target when the test has setup or teardown steps, each
 *   {@code spec.notify} webhook (both already passed the target allowlist), and DNS then; none otherwise (workers,
 *   the operator, the kubelet and Prometheus call it); ingress is left open so the operator and a PodMonitor reach it wherever they run: its port takes the run's token for the
 *   workers' channel.</li>
 * </ul>
 * Pure functions of the LoadTest and the run number.
 */
public final class RunNetworkPolicyBuilder {

    private RunNetworkPolicyBuilder() {
    }

    public static NetworkPolicy workers(LoadTest loadTest, int run) {
        RunNames names = RunNames.of(loadTest, run);
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(names.workerNetworkPolicy())
                .withNamespace(loadTest.getMetadata().getNamespace())
                .withLabels(RunLabels.of(loadTest, run, "worker"))
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(RunLabels.selector(loadTest, run, "worker")).endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .withEgress(dns(), toMaster(loadTest, run),
                        TargetPeer.rule(loadTest.getSpec().getTarget(), loadTest.getMetadata().getNamespace()))
                .endSpec()
                .build();
    }

    public static NetworkPolicy master(LoadTest loadTest, int run) {
        RunNames names = RunNames.of(loadTest, run);
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(names.masterNetworkPolicy())
                .withNamespace(loadTest.getMetadata().getNamespace())
                .withLabels(RunLabels.of(loadTest, run, "master"))
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(RunLabels.selector(loadTest, run, "master")).endPodSelector()
                .withPolicyTypes("Egress")
                .withEgress(masterEgress(loadTest))
                .endSpec()
                .build();
    }

    /**
     * What the master calls itself: the target when the test has setup or teardown steps, and each notify webhook;
     * DNS when it calls anything. Nothing otherwise.
     */
    private static List<NetworkPolicyEgressRule> masterEgress(LoadTest loadTest) {
        LoadTestSpec spec = loadTest.getSpec();
        String namespace = loadTest.getMetadata().getNamespace();
        List<NetworkPolicyEgressRule> rules = new ArrayList<>();
        boolean lifecycle = spec.getSetup() != null && !spec.getSetup().isEmpty()
                || spec.getTeardown() != null && !spec.getTeardown().isEmpty();
        if (lifecycle) rules.add(TargetPeer.rule(spec.getTarget(), namespace));
        if (spec.getNotify() != null) {
            for (NotifySpec webhook : spec.getNotify()) {
                if (webhook.getUrl() != null) rules.add(TargetPeer.rule(webhook.getUrl(), namespace));
            }
        }
        if (!rules.isEmpty()) rules.add(0, dns());
        return rules;
    }

    private static NetworkPolicyEgressRule dns() {
        return new NetworkPolicyEgressRuleBuilder()
                .addNewPort().withProtocol("UDP").withPort(new IntOrString(53)).endPort()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(53)).endPort()
                .build();
    }

    private static NetworkPolicyEgressRule toMaster(LoadTest loadTest, int run) {
        return new NetworkPolicyEgressRuleBuilder()
                .addNewTo().withNewPodSelector().withMatchLabels(RunLabels.selector(loadTest, run, "master"))
                .endPodSelector().endTo()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(RunnerPods.MASTER_PORT)).endPort()
                .build();
    }
}
