package io.stampede.operator.build;

import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.model.spec.LoadTestDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestDocumentTest {

    @Test
    void theRunnerReadsTheSameTestAsTheLoadTestDescribes() throws Exception {
        BuildInput input = new BuildInput();

        LoadTestDocument document = LoadTestParser.parse(TestDocument.yaml(input.loadTest));

        assertThat(document.apiVersion()).isEqualTo("stampede.io/v1alpha1");
        assertThat(document.kind()).isEqualTo("LoadTest");
        assertThat(document.name()).isEqualTo("shop");
        assertThat(document.spec().target()).isEqualTo("http://shop.staging.svc:8080");
        assertThat(document.spec().load().users()).isEqualTo(10);
        assertThat(document.spec().load().spawnRate()).isEqualTo(2.0);
        assertThat(document.spec().load().duration()).hasMinutes(1);
        assertThat(document.spec().workers()).isEqualTo(2);
        assertThat(document.spec().userClasses()).hasSize(1);
        assertThat(document.spec().userClasses().get(0).name()).isEqualTo("shopper");
        assertThat(document.spec().userClasses().get(0).tasks()).hasSize(2);
        assertThat(document.spec().variables()).containsOnlyKeys("password");
        assertThat(document.spec().thresholds()).hasSize(1);
    }

    @Test
    void podSettingsInTheSpecDoNotStopTheRunnerFromReadingIt() throws Exception {
        BuildInput input = new BuildInput();
        MasterPodBuilderTest.schedule(input);
        input.loadTest.getSpec().setImage("registry.example.com/stampede:dev");
        input.loadTest.getSpec().setResources(MasterPodBuilderTest.resources());
        input.loadTest.getSpec().setTtlSecondsAfterFinished(600);
        input.loadTest.getMetadata().setLabels(Map.of("team", "checkout"));

        LoadTestDocument document = LoadTestParser.parse(TestDocument.yaml(input.loadTest));

        assertThat(document.spec().target()).isEqualTo("http://shop.staging.svc:8080");
    }

    @Test
    void leavesOutTheStatusAndTheClusterMetadata() {
        BuildInput input = new BuildInput();
        input.loadTest.getMetadata().setLabels(Map.of("team", "checkout"));
        input.loadTest.getMetadata().setUid("1234");

        var tree = TestDocument.tree(input.loadTest);

        assertThat(List.of(tree.fieldNames().next(), tree.size())).containsExactly("apiVersion", 4);
        assertThat(tree.path("metadata").size()).isEqualTo(1);
        assertThat(tree.path("metadata").path("name").asText()).isEqualTo("shop");
        assertThat(tree.has("status")).isFalse();
    }
}
