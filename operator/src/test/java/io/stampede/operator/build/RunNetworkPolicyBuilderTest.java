package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.stampede.operator.api.NotifySpec;
import io.stampede.operator.testing.KubeYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Table-style: the default input and the NetworkPolicies it gives; each case changes the target and its rule. */
class RunNetworkPolicyBuilderTest {

    static final String EXPECTED_WORKERS = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: shop-1-workers
              namespace: perf
              labels:
                app.kubernetes.io/name: stampede
                app.kubernetes.io/instance: shop
                app.kubernetes.io/component: worker
                stampede.io/run: "1"
                app.kubernetes.io/managed-by: stampede-operator
                app.kubernetes.io/part-of: stampede
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/name: stampede
                  app.kubernetes.io/instance: shop
                  app.kubernetes.io/component: worker
                  stampede.io/run: "1"
              policyTypes: [Ingress, Egress]
              egress:
                - ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
                - to:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: stampede
                          app.kubernetes.io/instance: shop
                          app.kubernetes.io/component: master
                          stampede.io/run: "1"
                  ports: [{protocol: TCP, port: 5557}]
                - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: staging}}}]
            """;

    static final String EXPECTED_MASTER = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: shop-1-master
              namespace: perf
              labels:
                app.kubernetes.io/name: stampede
                app.kubernetes.io/instance: shop
                app.kubernetes.io/component: master
                stampede.io/run: "1"
                app.kubernetes.io/managed-by: stampede-operator
                app.kubernetes.io/part-of: stampede
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/name: stampede
                  app.kubernetes.io/instance: shop
                  app.kubernetes.io/component: master
                  stampede.io/run: "1"
              policyTypes: [Egress]
            """;

    @Test
    void workersReachDnsTheirMasterAndTheTargetsNamespaceOnly() {
        BuildInput input = new BuildInput();

        NetworkPolicy policy = RunNetworkPolicyBuilder.workers(input.loadTest, 1);

        assertThat(KubeYaml.canonical(policy))
                .isEqualTo(KubeYaml.canonical(KubeYaml.parse(EXPECTED_WORKERS, NetworkPolicy.class)));
    }

    @Test
    void theMasterCallsNoOne() {
        BuildInput input = new BuildInput();

        NetworkPolicy policy = RunNetworkPolicyBuilder.master(input.loadTest, 1);

        assertThat(KubeYaml.canonical(policy))
                .isEqualTo(KubeYaml.canonical(KubeYaml.parse(EXPECTED_MASTER, NetworkPolicy.class)));
    }

    @Test
    void aMasterWithSetupOrWebhooksReachesDnsTheTargetAndEachWebhookOnly() {
        BuildInput input = new BuildInput();
        input.loadTest.getSpec().setSetup(List.of(JsonNodeFactory.instance.objectNode()));
        NotifySpec chat = new NotifySpec();
        chat.setUrl("https://hooks.example.com/T0/B1");
        input.loadTest.getSpec().setNotify(List.of(chat));

        NetworkPolicy policy = RunNetworkPolicyBuilder.master(input.loadTest, 1);

        assertThat(KubeYaml.canonical(policy)).isEqualTo(KubeYaml.canonical(KubeYaml.parse(EXPECTED_MASTER + """
                  egress:
                    - ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
                    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: staging}}}]
                    - {to: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0"}}], ports: [{protocol: TCP, port: 443}]}
                """, NetworkPolicy.class)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://shop.staging.svc:8080                   | - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: staging}}}]
            http://shop.qa.svc.cluster.local               | - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: qa}}}]
            http://shop:8080                               | - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: perf}}}]
            http://10.1.2.3:8080                           | - {to: [{ipBlock: {cidr: 10.1.2.3/32}}], ports: [{protocol: TCP, port: 8080}]}
            http://[fd00::7]:9000                          | - {to: [{ipBlock: {cidr: "fd00::7/128"}}], ports: [{protocol: TCP, port: 9000}]}
            https://shop.example.org                       | - {to: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0"}}], ports: [{protocol: TCP, port: 443}]}
            http://Shop.Example.org                        | - {to: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0"}}], ports: [{protocol: TCP, port: 80}]}
            """)
    void theTargetRuleIsAsNarrowAsTheTargetsFormAllows(String target, String rule) {
        BuildInput input = new BuildInput();
        input.loadTest.getSpec().setTarget(target);
        String expected = EXPECTED_WORKERS.replace(
                "    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: staging}}}]\n", "    " + rule + "\n");

        NetworkPolicy policy = RunNetworkPolicyBuilder.workers(input.loadTest, 1);

        assertThat(KubeYaml.canonical(policy)).isEqualTo(KubeYaml.canonical(KubeYaml.parse(expected, NetworkPolicy.class)));
    }

    @Test
    void selectsThePodsOfItsOwnRun() {
        BuildInput input = new BuildInput();

        NetworkPolicy workers = RunNetworkPolicyBuilder.workers(input.loadTest, 2);
        NetworkPolicy master = RunNetworkPolicyBuilder.master(input.loadTest, 2);

        assertThat(WorkerJobBuilder.build(input.loadTest, 2, input.defaults).getSpec().getTemplate().getMetadata()
                .getLabels()).containsAllEntriesOf(workers.getSpec().getPodSelector().getMatchLabels());
        assertThat(MasterPodBuilder.build(input.loadTest, 2, input.defaults).getMetadata().getLabels())
                .containsAllEntriesOf(master.getSpec().getPodSelector().getMatchLabels())
                .containsAllEntriesOf(workers.getSpec().getEgress().get(1).getTo().get(0).getPodSelector().getMatchLabels());
        assertThat(workers.getSpec().getPodSelector().getMatchLabels()).containsEntry("stampede.io/run", "2");
    }
}
