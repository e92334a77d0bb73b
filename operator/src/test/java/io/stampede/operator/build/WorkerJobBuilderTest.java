package io.stampede.operator.build;

import io.stampede.operator.api.RunnerPodSpec;
import io.stampede.operator.api.RunnerSecurityContext;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.stampede.operator.testing.KubeYaml;
import io.stampede.operator.testing.SampleLoadTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Table-style: the default input and the worker Job it gives; each case changes both. */
class WorkerJobBuilderTest {

    static final String EXPECTED = """
            apiVersion: batch/v1
            kind: Job
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
              completionMode: Indexed
              completions: 2
              parallelism: 2
              backoffLimitPerIndex: 0
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: stampede
                    app.kubernetes.io/instance: shop
                    app.kubernetes.io/component: worker
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
                    - name: worker
                      image: ghcr.io/stampede-io/stampede-runner:0.1.0
                      args: [worker, --master, "shop-1-master:5557", --token-file, /var/run/stampede/token/token,
                             --connect-timeout, 300s, --name, $(POD_NAME)]
                      env:
                        - name: POD_NAME
                          valueFrom: {fieldRef: {fieldPath: metadata.name}}
                        - name: SHOP_PASSWORD
                          valueFrom: {secretKeyRef: {name: shop-credentials, key: password}}
                      resources: # the default: never BestEffort
                        requests: {cpu: "1", memory: 512Mi}
                        limits: {memory: 1Gi}
                      securityContext:
                        runAsNonRoot: true
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities: {drop: [ALL]}
                      volumeMounts:
                        - {name: token, mountPath: /var/run/stampede/token, readOnly: true}
                        - {name: tmp, mountPath: /tmp, readOnly: false}
                  volumes:
                    - name: token
                      secret: {secretName: shop-1-token, defaultMode: 288} # 0440: owner and group read
                    - name: tmp
                      emptyDir: {sizeLimit: 256Mi}
            """;

    record Case(String name, Consumer<BuildInput> input, Consumer<Job> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("the shop sample", input -> { }, job -> { }),
                new Case("custom image", input -> input.loadTest.getSpec().setImage("registry.example.com/stampede:dev"),
                        job -> container(job).setImage("registry.example.com/stampede:dev")),
                new Case("4 workers", input -> input.loadTest.getSpec().setWorkers(4), job -> {
                    job.getSpec().setCompletions(4);
                    job.getSpec().setParallelism(4);
                }),
                new Case("workers absent means 1", input -> input.loadTest.getSpec().setWorkers(null), job -> {
                    job.getSpec().setCompletions(1);
                    job.getSpec().setParallelism(1);
                }),
                new Case("connect timeout 90s", input -> input.defaults = new RunnerDefaults(BuildInput.DEFAULT_IMAGE,
                        Duration.ofSeconds(90)), job -> setArg(job, "--connect-timeout", "90s")),
                new Case("resources", input -> input.loadTest.getSpec().setResources(MasterPodBuilderTest.resources()),
                        job -> container(job).setResources(MasterPodBuilderTest.resources())),
                new Case("spec.workerPods: labels, annotations, resources, priority class, ids",
                        input -> {
                            RunnerPodSpec shape = MasterPodBuilderTest.shape();
                            RunnerSecurityContext ids = new RunnerSecurityContext();
                            ids.setRunAsUser(1000700000L);
                            shape.setSecurityContext(ids);
                            input.loadTest.getSpec().setWorkerPods(shape);
                        }, job -> {
                    var template = job.getSpec().getTemplate();
                    template.getMetadata().getLabels().put("team", "checkout");
                    template.getMetadata().setAnnotations(java.util.Map.of("sidecar.istio.io/inject", "false"));
                    template.getSpec().setPriorityClassName("load-generators");
                    template.getSpec().getSecurityContext().setRunAsUser(1000700000L);
                    template.getSpec().getSecurityContext().setRunAsGroup(null);
                    template.getSpec().getSecurityContext().setFsGroup(null);
                    container(job).setResources(MasterPodBuilderTest.shape().getResources());
                }),
                new Case("spec.workerPods: envFrom, volumes and mounts, topology spread, after the operator's own",
                        input -> input.loadTest.getSpec().setWorkerPods(SampleLoadTests.parse("""
                                apiVersion: stampede.io/v1alpha1
                                kind: LoadTest
                                metadata: {name: x}
                                spec:
                                  target: http://x
                                  workerPods:
                                    envFrom: [{prefix: APP_, configMapRef: {name: app-settings}}]
                                    volumes: [{name: certs, secret: {secretName: client-certs}}]
                                    volumeMounts: [{name: certs, mountPath: /etc/certs, readOnly: true}]
                                    topologySpreadConstraints:
                                      - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}
                                """).getSpec().getWorkerPods()), job -> {
                    PodSpec pod = job.getSpec().getTemplate().getSpec();
                    container(job).setEnvFrom(java.util.List.of(new io.fabric8.kubernetes.api.model.EnvFromSourceBuilder()
                            .withPrefix("APP_").withNewConfigMapRef().withName("app-settings").endConfigMapRef().build()));
                    container(job).getVolumeMounts().add(new io.fabric8.kubernetes.api.model.VolumeMountBuilder()
                            .withName("certs").withMountPath("/etc/certs").withReadOnly(true).build());
                    pod.getVolumes().add(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("certs")
                            .withNewSecret().withSecretName("client-certs").endSecret().build());
                    pod.setTopologySpreadConstraints(java.util.List.of(
                            new io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder().withMaxSkew(1)
                                    .withTopologyKey("topology.kubernetes.io/zone")
                                    .withWhenUnsatisfiable("ScheduleAnyway").build()));
                }),
                new Case("spec.master does not change the workers", input -> input.loadTest.getSpec().setMaster(
                        MasterPodBuilderTest.shape()), job -> { }),
                new Case("scheduling and pull settings", MasterPodBuilderTest::schedule, job -> {
                    BuildInput scheduled = new BuildInput();
                    MasterPodBuilderTest.schedule(scheduled);
                    var spec = scheduled.loadTest.getSpec();
                    PodSpec pod = job.getSpec().getTemplate().getSpec();
                    pod.setNodeSelector(spec.getNodeSelector());
                    pod.setTolerations(spec.getTolerations());
                    pod.setAffinity(spec.getAffinity());
                    pod.setImagePullSecrets(spec.getImagePullSecrets());
                    pod.setServiceAccountName("load-runner");
                }),
                new Case("env from a Secret and a ConfigMap",
                        input -> input.loadTest.getSpec().getEnv().add(MasterPodBuilderTest.configMapEnv()),
                        job -> container(job).getEnv().add(MasterPodBuilderTest.configMapEnv())),
                new Case("run 3", input -> input.run = 3, job -> renamed(job, "shop-3", "shop", "3")),
                new Case("long name is cut to a 63-char DNS-1035 label with a hash",
                        input -> input.named("nightly-checkout-regression-against-the-staging-shop-frontend"),
                        job -> renamed(job, "nightly-checkout-regression-against-the-stagin-4f4ca2-1",
                                "nightly-checkout-regression-against-the-staging-shop-frontend", "1")),
                new Case("name starting with a digit", input -> input.named("2024-sale"),
                        job -> renamed(job, "lt-2024-sale-1", "2024-sale", "1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildsTheWorkerJob(Case testCase) {
        BuildInput input = new BuildInput();
        testCase.input().accept(input);
        Job expected = KubeYaml.parse(EXPECTED, Job.class);
        testCase.expected().accept(expected);

        Job job = WorkerJobBuilder.build(input.loadTest, input.run, input.defaults);

        assertThat(KubeYaml.canonical(job)).isEqualTo(KubeYaml.canonical(expected));
        assertThat(job.getMetadata().getName()).hasSizeLessThanOrEqualTo(63).matches("[a-z]([-a-z0-9]*[a-z0-9])?");
    }

    @Test
    void workersConnectToTheServiceTheMasterIsReachedThrough() {
        BuildInput input = new BuildInput().named("nightly-checkout-regression-against-the-staging-shop-frontend");

        Job job = WorkerJobBuilder.build(input.loadTest, 1, input.defaults);
        String service = MasterServiceBuilder.build(input.loadTest, 1).getMetadata().getName();

        List<String> args = container(job).getArgs();
        assertThat(args.get(args.indexOf("--master") + 1)).isEqualTo(service + ":5557");
    }

    @Test
    void masterAndWorkersRunUnderTheRestrictedPodSecurityStandard() {
        BuildInput input = new BuildInput();
        PodSpec worker = WorkerJobBuilder.build(input.loadTest, 1, input.defaults).getSpec().getTemplate().getSpec();
        PodSpec master = MasterPodBuilder.build(input.loadTest, 1, input.defaults).getSpec();

        for (PodSpec pod : List.of(worker, master)) {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            Container container = pod.getContainers().get(0);
            assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath, VolumeMount::getReadOnly)
                    .contains(tuple("/tmp", false),
                            tuple("/var/run/stampede/token", true));
        }
    }

    static Container container(Job job) {
        List<Container> containers = job.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static void setArg(Job job, String flag, String value) {
        List<String> args = container(job).getArgs();
        args.set(args.indexOf(flag) + 1, value);
    }

    static void renamed(Job job, String base, String instance, String run) {
        job.getMetadata().setName(base + "-workers");
        for (Map<String, String> labels : List.of(job.getMetadata().getLabels(),
                job.getSpec().getTemplate().getMetadata().getLabels())) {
            labels.put("app.kubernetes.io/instance", instance);
            labels.put("stampede.io/run", run);
        }
        setArg(job, "--master", base + "-master:5557");
        job.getSpec().getTemplate().getSpec().getVolumes().forEach(volume -> {
            if (volume.getSecret() != null) volume.getSecret().setSecretName(base + "-token");
        });
    }
}
