package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import io.stampede.operator.api.LoadTest;

import java.util.ArrayList;
import java.util.List;

/**
 * The master pod of a run: {@code stampede master} on the test ConfigMap, expecting {@code spec.workers} workers,
 * serving its API and the workers' channel on port 5557. A bare pod that is never restarted: a new master could not
 * resume a run, so a lost master is reported (phase Error) rather than replaced.
 */
public final class MasterPodBuilder {

    /** After its report, the master keeps serving it this long, so an operator restarted meanwhile still reads it. */
    public static final String KEEP_SERVING = "10m";

    private static final String TEST_VOLUME = "test";

    private MasterPodBuilder() {
    }

    public static Pod build(LoadTest loadTest, int run, RunnerDefaults defaults) {
        return build(loadTest, run, defaults, List.of());
    }

    /**
     * @param dataFiles the spec.data files, projected beside the LoadTest file (the runner resolves their paths
     *                  against it); workers need none, the master sends them the rows
     */
    public static Pod build(LoadTest loadTest, int run, RunnerDefaults defaults, List<DataFileMount> dataFiles) {
        RunNames names = RunNames.of(loadTest, run);
        Container container = RunnerPods.container(PodShape.Role.MASTER, loadTest, defaults, args(loadTest, defaults), List.of())
                .addNewPort().withName(RunnerPods.PORT_NAME).withContainerPort(RunnerPods.MASTER_PORT)
                .withProtocol("TCP").endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/api/v1/status")
                .withNewPort(RunnerPods.PORT_NAME).endHttpGet().withPeriodSeconds(5).endReadinessProbe()
                .addToVolumeMounts(RunnerPods.mount(TEST_VOLUME, RunnerPods.TEST_DIR))
                .build();
        return new PodBuilder()
                .withNewMetadata()
                .withName(names.masterPod())
                .withNamespace(loadTest.getMetadata().getNamespace())
                .withLabels(PodShape.labels(loadTest, PodShape.Role.MASTER, RunLabels.of(loadTest, run, "master")))
                .withAnnotations(PodShape.annotations(loadTest, PodShape.Role.MASTER))
                .endMetadata()
                .withSpec(RunnerPods.podSpec(PodShape.Role.MASTER, loadTest, names, container)
                        .addToVolumes(testVolume(names, dataFiles))
                        .build())
                .build();
    }

    /**
     * The test ConfigMap alone, or, with data files, a projected volume: the LoadTest file and each data file at
     * its path (its key selected from its ConfigMap, so other keys cannot clash with the LoadTest file).
     */
    private static Volume testVolume(RunNames names, List<DataFileMount> dataFiles) {
        if (dataFiles.isEmpty()) {
            return new VolumeBuilder().withName(TEST_VOLUME)
                    .withNewConfigMap().withName(names.testConfigMap()).endConfigMap().build();
        }
        List<VolumeProjection> sources = new ArrayList<>();
        sources.add(new VolumeProjectionBuilder().withNewConfigMap().withName(names.testConfigMap()).endConfigMap()
                .build());
        for (DataFileMount file : dataFiles) {
            sources.add(new VolumeProjectionBuilder().withNewConfigMap().withName(file.configMap())
                    .addNewItem().withKey(file.key()).withPath(file.path()).endItem().endConfigMap().build());
        }
        return new VolumeBuilder().withName(TEST_VOLUME).withNewProjected().withSources(sources).endProjected()
                .build();
    }

    static List<String> args(LoadTest loadTest, RunnerDefaults defaults) {
        return List.of("master", RunnerPods.TEST_FILE,
                "--expect-workers", Integer.toString(workers(loadTest)),
                "--bind", "0.0.0.0:" + RunnerPods.MASTER_PORT,
                "--token-file", RunnerPods.TOKEN_FILE,
                "--wait-for-workers", RunnerPods.seconds(defaults.workersConnectTimeout()),
                "--keep-serving", KEEP_SERVING,
                "--quiet");
    }

    /** spec.workers, 1 when absent. */
    public static int workers(LoadTest loadTest) {
        Integer workers = loadTest.getSpec().getWorkers();
        return workers == null ? 1 : workers;
    }
}
