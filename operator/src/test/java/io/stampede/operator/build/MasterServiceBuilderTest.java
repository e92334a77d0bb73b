package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.stampede.operator.testing.KubeYaml;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MasterServiceBuilderTest {

    static final String EXPECTED = """
            apiVersion: v1
            kind: Service
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
              type: ClusterIP
              selector:
                app.kubernetes.io/name: stampede
                app.kubernetes.io/instance: shop
                app.kubernetes.io/component: master
                stampede.io/run: "1"
              ports:
                - {name: http, port: 5557, targetPort: http, protocol: TCP}
            """;

    @Test
    void buildsAClusterIpServiceForTheMastersPort() {
        BuildInput input = new BuildInput();

        Service service = MasterServiceBuilder.build(input.loadTest, 1);

        assertThat(KubeYaml.canonical(service)).isEqualTo(KubeYaml.canonical(KubeYaml.parse(EXPECTED, Service.class)));
    }

    @Test
    void selectsTheMasterPodOfItsOwnRunOnly() {
        BuildInput input = new BuildInput();
        Pod master = MasterPodBuilder.build(input.loadTest, 2, input.defaults);
        Pod previousMaster = MasterPodBuilder.build(input.loadTest, 1, input.defaults);

        Service service = MasterServiceBuilder.build(input.loadTest, 2);

        assertThat(master.getMetadata().getLabels()).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(previousMaster.getMetadata().getLabels()).doesNotContainEntry("stampede.io/run", "2");
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal())
                .isEqualTo(master.getSpec().getContainers().get(0).getPorts().get(0).getName());
    }
}
