package io.stampede.operator.check;

import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestSpec;
import io.stampede.operator.api.NotifySpec;
import io.stampede.runner.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cluster admin's policy on what a LoadTest may put into runner pods: the target and the notify webhooks (host
 * and port, see {@link TargetAllowlist}), the image ({@link ImageAllowlist}) and the env ({@link EnvPolicy}). Checked before any
 * object of a run is made; a violation ends the run in phase Error with the field path. A pure function of the
 * policy and the LoadTest.
 */
public record RunPolicy(TargetAllowlist targets, ImageAllowlist images) {

    /** @return every violation with its field path; empty when the LoadTest may run */
    public List<Problem> problems(LoadTest loadTest) {
        LoadTestSpec spec = loadTest.getSpec();
        List<Problem> problems = new ArrayList<>();
        targets.refusal(spec.getTarget()).ifPresent(problems::add);
        List<NotifySpec> webhooks = spec.getNotify() == null ? List.of() : spec.getNotify();
        for (int i = 0; i < webhooks.size(); i++) {
            String url = webhooks.get(i).getUrl();
            if (url != null) targets.refusal(url, "spec.notify[" + i + "].url").ifPresent(problems::add);
        }
        images.refusal(spec.getImage()).ifPresent(problems::add);
        problems.addAll(EnvPolicy.problems(spec));
        problems.addAll(PodShapePolicy.problems(spec));
        return problems;
    }

    /** @return one line for status.message naming every violation, or empty when the LoadTest may run */
    public Optional<String> refusal(LoadTest loadTest) {
        List<Problem> problems = problems(loadTest);
        if (problems.isEmpty()) return Optional.empty();
        StringBuilder text = new StringBuilder("not allowed by the operator's policy: ");
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0) text.append("; ");
            text.append(problems.get(i).path()).append(": ").append(problems.get(i).message());
        }
        return Optional.of(text.toString());
    }
}
