package io.stampede.operator.check;

import io.stampede.operator.api.LoadTestSpec;
import io.stampede.operator.testing.SampleLoadTests;
import io.stampede.runner.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PodShapePolicyTest {

    /** A LoadTest whose spec.workerPods is {@code shape} (YAML flow mapping). */
    private static LoadTestSpec workerPods(String shape) {
        return SampleLoadTests.parse("""
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: shaped}
                spec:
                  target: http://x
                  workerPods: %s
                """.formatted(shape)).getSpec();
    }

    @Test
    void prefixedEnvFromRestrictedVolumesAndTheirMountsAreAllowed() {
        assertThat(PodShapePolicy.problems(workerPods("""
                {envFrom: [{prefix: APP_, secretRef: {name: app}}],
                 volumes: [{name: certs, secret: {secretName: certs}}, {name: cache, emptyDir: {}}],
                 volumeMounts: [{name: certs, mountPath: /etc/certs}, {name: cache, mountPath: /var/cache/app}],
                 topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}]}
                """))).isEmpty();
    }

    @Test
    void envFromWithoutAPrefixIsRefusedBecauseItsNamesAreUnknownUntilThePodStarts() {
        assertThat(PodShapePolicy.problems(workerPods("{envFrom: [{configMapRef: {name: app}}]}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("spec.workerPods.envFrom[0].prefix");
                    assertThat(p.message()).startsWith("required");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"JAVA_", "J", "LD_", "ld_", "P", "HTTP", "STAMPEDE_X", "_"})
    void aPrefixThatCanSpellAReservedNameIsRefused(String prefix) {
        assertThat(PodShapePolicy.canMakeReservedName(prefix)).as(prefix).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"APP_", "SHOP_", "X_"})
    void aPrefixThatCannotIsAllowed(String prefix) {
        assertThat(PodShapePolicy.canMakeReservedName(prefix)).as(prefix).isFalse();
    }

    @Test
    void aHostPathVolumeIsRefusedAsRestrictedPodSecurityRefusesIt() {
        assertThat(PodShapePolicy.problems(workerPods("{volumes: [{name: host, hostPath: {path: /var/run}}]}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("spec.workerPods.volumes[0].hostPath");
                    assertThat(p.message()).contains("restricted Pod Security Standard");
                });
    }

    @Test
    void theOperatorsVolumesAndPathsStayItsOwn() {
        assertThat(PodShapePolicy.problems(workerPods("""
                {volumes: [{name: token, emptyDir: {}}, {name: data, emptyDir: {}}],
                 volumeMounts: [{name: data, mountPath: /tmp/data}, {name: data, mountPath: /etc},
                                {name: other, mountPath: /data}]}
                """))).extracting(Problem::path).containsExactly("spec.workerPods.volumes[0].name",
                "spec.workerPods.volumeMounts[0].mountPath", "spec.workerPods.volumeMounts[1].mountPath",
                "spec.workerPods.volumeMounts[2].name");
    }

    @Test
    void theMastersShapeIsCheckedWithItsOwnPath() {
        LoadTestSpec spec = workerPods("{}");
        spec.setMaster(workerPods("{volumes: [{name: a}]}").getWorkerPods());
        assertThat(PodShapePolicy.problems(spec)).extracting(Problem::path).containsExactly("spec.master.volumes[0]");
    }
}
