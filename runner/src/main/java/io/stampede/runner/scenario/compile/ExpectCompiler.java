package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.FieldNames;
import io.stampede.runner.model.Problems;
import io.stampede.runner.model.spec.ExpectSpec;
import io.stampede.runner.scenario.ExpectPlan;
import io.stampede.runner.scenario.ResponseCheck;
import io.stampede.runner.scenario.check.ConditionParser;
import io.stampede.runner.scenario.check.HeaderCheck;
import io.stampede.runner.scenario.check.JsonCheck;
import io.stampede.runner.scenario.extract.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a step's {@code expect}: each {@code json} entry's JSONPath and condition, each {@code headers} entry,
 * and {@code maxLatency}. A bad path or condition is a problem at the entry's field path, such as
 * {@code spec.userClasses[0].tasks[1].expect.json["$.items.length()"]}.
 */
final class ExpectCompiler {

    private ExpectCompiler() {
    }

    /** @return the plan, or {@link ExpectPlan#DEFAULT} when nothing was written; problems go to {@code problems} */
    static ExpectPlan compile(ExpectSpec expect, String expectPath, Problems problems, PluginUses plugins) {
        if (expect == null) {
            return ExpectPlan.DEFAULT;
        }
        List<ResponseCheck> checks = new ArrayList<>();
        String jsonPath = expectPath + ".json";
        expect.json().forEach((path, written) -> {
            String entryPath = FieldNames.child(jsonPath, path);
            JsonPath compiled;
            try {
                compiled = JsonPath.compile(path);
            } catch (IllegalArgumentException e) {
                problems.add(entryPath, e.getMessage());
                return;
            }
            try {
                checks.add(new JsonCheck(compiled, ConditionParser.parse(written)));
            } catch (IllegalArgumentException e) {
                problems.add(entryPath, e.getMessage());
            }
        });
        expect.headers().forEach((name, value) -> checks.add(HeaderCheck.of(name, value)));
        for (int i = 0; i < expect.checks().size(); i++) {
            ResponseCheck check = plugins.check(expect.checks().get(i), expectPath + ".checks[" + i + "]");
            if (check != null) {
                checks.add(check);
            }
        }
        long maxLatencyMicros = expect.maxLatency() == null ? 0 : expect.maxLatency().toNanos() / 1000;
        return new ExpectPlan(Set.copyOf(expect.status()), Map.copyOf(expect.messages()), expect.bodyContains(),
                checks, maxLatencyMicros);
    }
}
