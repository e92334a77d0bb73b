package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NodeAffinityBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.stampede.operator.api.RunnerSecurityContext;
import io.stampede.operator.api.RunnerPodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.stampede.operator.testing.KubeYaml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Table-style: the default input and the master pod it gives; each case changes both. */
class MasterPodBuilderTest {

    /** The shop sample's master pod, as {@code kubectl get pod shop-1-master -o yaml} would show its spec. */
    static final String EXPECTED = """
            apiVersion: v1
            kind: Pod
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
              restartPolicy: Never
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
                runAsUser: 10001
                runAsGroup: 10001
                fsGroup: 10001
                seccompProfile: {type: RuntimeDefault}
              containers:
                - name: master
                  image: ghcr.io/stampede-io/stampede-runner:0.1.0
                  args: [master, /etc/stampede/loadtest.yaml, --expect-workers, "2", --bind, "0.0.0.0:5557",
                         --token-file, /var/run/stampede/token/token, --wait-for-workers, 300s, --keep-serving, 10m, --quiet]
                  env:
                    - name: SHOP_PASSWORD
                      valueFrom: {secretKeyRef: {name: shop-credentials, key: password}}
                  ports:
                    - {name: http, containerPort: 5557, protocol: TCP}
                  readinessProbe:
                    httpGet: {path: /api/v1/status, port: http}
                    periodSeconds: 5
                  resources: # the default: never BestEffort
                    requests: {cpu: 250m, memory: 512Mi}
                    limits: {memory: 1Gi}
                  securityContext:
                    runAsNonRoot: true
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}
                  volumeMounts:
                    - {name: token, mountPath: /var/run/stampede/token, readOnly: true}
                    - {name: tmp, mountPath: /tmp, readOnly: false}
                    - {name: test, mountPath: /etc/stampede, readOnly: true}
              volumes:
                - name: token
                  secret: {secretName: shop-1-token, defaultMode: 288} # 0440: owner and group read
                - name: tmp
                  emptyDir: {sizeLimit: 256Mi}
                - name: test
                  configMap: {name: shop-1-test}
            """;

    record Case(String name, Consumer<BuildInput> input, Consumer<Pod> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("the shop sample", input -> { }, pod -> { }),
                new Case("custom image", input -> input.loadTest.getSpec().setImage("registry.example.com/stampede:dev"),
                        pod -> container(pod).setImage("registry.example.com/stampede:dev")),
                new Case("blank image takes the operator's", input -> input.loadTest.getSpec().setImage(" "), pod -> { }),
                new Case("4 workers", input -> input.loadTest.getSpec().setWorkers(4),
                        pod -> setArg(pod, "--expect-workers", "4")),
                new Case("workers absent means 1", input -> input.loadTest.getSpec().setWorkers(null),
                        pod -> setArg(pod, "--expect-workers", "1")),
                new Case("workers connect timeout 90s", input -> input.defaults = new RunnerDefaults(
                        BuildInput.DEFAULT_IMAGE, Duration.ofSeconds(90)), pod -> setArg(pod, "--wait-for-workers", "90s")),
                new Case("resources", input -> input.loadTest.getSpec().setResources(resources()),
                        pod -> container(pod).setResources(resources())),
                new Case("spec.master resources win over spec.resources", input -> {
                    input.loadTest.getSpec().setResources(resources());
                    RunnerPodSpec small = new RunnerPodSpec();
                    small.setResources(shape().getResources());
                    input.loadTest.getSpec().setMaster(small);
                }, pod -> container(pod).setResources(shape().getResources())),
                new Case("spec.master: labels, annotations, priority class (the operator's labels win)",
                        input -> input.loadTest.getSpec().setMaster(shape()), pod -> {
                    pod.getMetadata().getLabels().put("team", "checkout");
                    pod.getMetadata().setAnnotations(Map.of("sidecar.istio.io/inject", "false"));
                    pod.getSpec().setPriorityClassName("load-generators");
                    container(pod).setResources(shape().getResources());
                }),
                new Case("spec.master securityContext {} leaves the ids to the cluster (OpenShift), still restricted",
                        input -> {
                            RunnerPodSpec openShift = new RunnerPodSpec();
                            openShift.setSecurityContext(new RunnerSecurityContext());
                            input.loadTest.getSpec().setMaster(openShift);
                        }, pod -> {
                    pod.getSpec().getSecurityContext().setRunAsUser(null);
                    pod.getSpec().getSecurityContext().setRunAsGroup(null);
                    pod.getSpec().getSecurityContext().setFsGroup(null);
                }),
                new Case("spec.workerPods does not change the master", input -> input.loadTest.getSpec().setWorkerPods(shape()),
                        pod -> { }),
                new Case("scheduling and pull settings", MasterPodBuilderTest::schedule, pod -> {
                    BuildInput scheduled = new BuildInput();
                    schedule(scheduled);
                    var spec = scheduled.loadTest.getSpec();
                    pod.getSpec().setNodeSelector(spec.getNodeSelector());
                    pod.getSpec().setTolerations(spec.getTolerations());
                    pod.getSpec().setAffinity(spec.getAffinity());
                    pod.getSpec().setImagePullSecrets(spec.getImagePullSecrets());
                    pod.getSpec().setServiceAccountName("load-runner");
                }),
                new Case("env from a Secret and a ConfigMap", input -> input.loadTest.getSpec().getEnv().add(configMapEnv()),
                        pod -> container(pod).getEnv().add(configMapEnv())),
                new Case("run 3", input -> input.run = 3, pod -> renamed(pod, "shop-3", "shop", "3")),
                new Case("long name is cut to a 63-char DNS-1035 label with a hash",
                        input -> input.named("nightly-checkout-regression-against-the-staging-shop-frontend"),
                        pod -> renamed(pod, "nightly-checkout-regression-against-the-stagin-4f4ca2-1",
                                "nightly-checkout-regression-against-the-staging-shop-frontend", "1")),
                new Case("name starting with a digit", input -> input.named("2024-sale"),
                        pod -> renamed(pod, "lt-2024-sale-1", "2024-sale", "1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildsTheMasterPod(Case testCase) {
        BuildInput input = new BuildInput();
        testCase.input().accept(input);
        Pod expected = KubeYaml.parse(EXPECTED, Pod.class);
        testCase.expected().accept(expected);

        Pod pod = MasterPodBuilder.build(input.loadTest, input.run, input.defaults);

        assertThat(KubeYaml.canonical(pod)).isEqualTo(KubeYaml.canonical(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesFitAServiceName(Case testCase) {
        BuildInput input = new BuildInput();
        testCase.input().accept(input);

        Pod pod = MasterPodBuilder.build(input.loadTest, input.run, input.defaults);

        assertThat(pod.getMetadata().getName()).hasSizeLessThanOrEqualTo(63).matches("[a-z]([-a-z0-9]*[a-z0-9])?");
    }

    static Container container(Pod pod) {
        assertThat(pod.getSpec().getContainers()).hasSize(1);
        return pod.getSpec().getContainers().get(0);
    }

    static void setArg(Pod pod, String flag, String value) {
        List<String> args = container(pod).getArgs();
        args.set(args.indexOf(flag) + 1, value);
    }

    static void renamed(Pod pod, String base, String instance, String run) {
        pod.getMetadata().setName(base + "-master");
        pod.getMetadata().getLabels().put("app.kubernetes.io/instance", instance);
        pod.getMetadata().getLabels().put("stampede.io/run", run);
        pod.getSpec().getVolumes().forEach(volume -> {
            if (volume.getSecret() != null) volume.getSecret().setSecretName(base + "-token");
            if (volume.getConfigMap() != null) volume.getConfigMap().setName(base + "-test");
        });
    }

    /** Pod settings as a mesh user writes them: a label, the Istio annotation, a priority class, small resources. */
    static RunnerPodSpec shape() {
        RunnerPodSpec shape = new RunnerPodSpec();
        shape.setLabels(Map.of("team", "checkout", "app.kubernetes.io/component", "mine"));
        shape.setAnnotations(Map.of("sidecar.istio.io/inject", "false"));
        shape.setPriorityClassName("load-generators");
        shape.setResources(new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("100m")).build());
        return shape;
    }

    static ResourceRequirements resources() {
        return new ResourceRequirementsBuilder()
                .withRequests(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("256Mi")))
                .withLimits(Map.of("memory", new Quantity("512Mi"))).build();
    }

    static void schedule(BuildInput input) {
        var spec = input.loadTest.getSpec();
        spec.setNodeSelector(Map.of("pool", "load"));
        spec.setTolerations(List.of(new TolerationBuilder().withKey("dedicated").withOperator("Equal")
                .withValue("load").withEffect("NoSchedule").build()));
        spec.setAffinity(new AffinityBuilder().withNodeAffinity(new NodeAffinityBuilder()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
                .addNewMatchExpression().withKey("zone").withOperator("In").withValues("a").endMatchExpression()
                .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().build()).build());
        spec.setImagePullSecrets(List.of(new LocalObjectReference("registry-creds")));
        spec.setServiceAccountName("load-runner");
    }

    static EnvVar configMapEnv() {
        return new EnvVarBuilder().withName("SHOP_REGION").withNewValueFrom().withNewConfigMapKeyRef()
                .withName("shop-settings").withKey("region").endConfigMapKeyRef().endValueFrom().build();
    }
}
