package io.stampede.runner.engine;

import io.stampede.runner.load.ConstantLoadPlan;
import io.stampede.runner.load.LoadPlan;
import io.stampede.runner.scenario.ExpectPlan;
import io.stampede.runner.scenario.Extraction;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.Scenario;
import io.stampede.runner.scenario.StepPlan;
import io.stampede.runner.scenario.TaskPlan;
import io.stampede.runner.scenario.Template;
import io.stampede.runner.scenario.TemplateContext;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.UserClassPlan;
import io.stampede.runner.scenario.WaitPlan;
import io.stampede.runner.scenario.template.TemplateCompiler;
import io.stampede.runner.scenario.template.TemplateException;
import io.stampede.runner.scenario.template.TemplateScope;
import io.stampede.runner.stats.RowKey;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds scenario plans by hand for engine tests, so that the engine is tested on its own contract, without the
 * YAML compiler.
 */
final class Plans {

    private Plans() {
    }

    /** A constant text, compiled by the real template compiler. */
    static Template text(String text) {
        try {
            return TemplateCompiler.compile(text, new TemplateScope(Map.of(), List.of()));
        } catch (TemplateException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code prefix} followed by the value in a user's slot. */
    static Template slot(String prefix, int slot) {
        return new Template() {
            @Override
            public void appendTo(StringBuilder out, TemplateContext context) {
                out.append(prefix);
                String value = context.slot(slot);
                if (value != null) out.append(value);
            }

            @Override
            public boolean isConstant() {
                return false;
            }

            @Override
            public String source() {
                return prefix + "${slot" + slot + "}";
            }
        };
    }

    static LoadPlan constantLoad(int users, long durationMillis) {
        return new ConstantLoadPlan(users, Double.POSITIVE_INFINITY, durationMillis);
    }

    /** Collects rows as requests are added, so each request's row index is right. */
    static final class Rows {
        final List<RowKey> keys = new ArrayList<>();

        int of(String method, String name) {
            RowKey key = new RowKey(method, name);
            int index = keys.indexOf(key);
            if (index >= 0) return index;
            keys.add(key);
            return keys.size() - 1;
        }

        StepPlan get(String path, long timeoutMillis) {
            return new StepPlan(new RequestPlan("GET", text(path), List.of(), null, timeoutMillis, of("GET", path)),
                    ExpectPlan.DEFAULT, List.of());
        }

        StepPlan get(String path) {
            return get(path, 10_000);
        }
    }

    static TaskPlan task(String name, int weight, StepPlan... steps) {
        return new TaskPlan(name, weight, Set.of(), List.of(steps));
    }

    static UserClassPlan userClass(String name, WaitPlan wait, TaskPlan... tasks) {
        return new UserClassPlan(name, 1, wait, List.of(), Set.of(), List.of(tasks), List.of());
    }

    static TestPlan plan(String target, Rows rows, LoadPlan load, long stopTimeoutMillis, UserClassPlan... classes) {
        // No spec.data sources; a cookie jar per user, as spec.defaults.cookies is by default.
        Scenario scenario = new Scenario("test", URI.create(target), List.of(classes), rows.keys, List.of(), true);
        return new TestPlan(scenario, load, stopTimeoutMillis, List.of(), 1);
    }

    /** Extracts the JSON string field {@code "name":"..."} from a body (enough for the test servers' answers). */
    static Extraction.ValueSource jsonField(String name) {
        return new Extraction.ValueSource() {
            @Override
            public String extract(io.stampede.runner.scenario.ResponseView response) {
                String body = response.body();
                String marker = "\"" + name + "\":\"";
                int start = body.indexOf(marker);
                if (start < 0) return null;
                int end = body.indexOf('"', start + marker.length());
                return end < 0 ? null : body.substring(start + marker.length(), end);
            }

            @Override
            public String describe() {
                return "field " + name;
            }
        };
    }
}
