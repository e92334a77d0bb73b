package io.stampede.runner.scenario.compile;

import io.stampede.runner.load.StressLoadPlan;
import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.Problems;
import io.stampede.runner.model.TargetUrl;
import io.stampede.runner.model.spec.LoadTestDocument;
import io.stampede.runner.model.spec.LoadTestSpec;
import io.stampede.runner.model.spec.UserClassSpec;
import io.stampede.runner.model.spec.VariableSpec;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.scenario.Lifecycle;
import io.stampede.runner.scenario.NotifyTarget;
import io.stampede.runner.scenario.Scenario;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.UserClassPlan;
import io.stampede.runner.scenario.data.DataSet;
import io.stampede.runner.stats.Threshold;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a parsed LoadTest, the command-line {@link Overrides} and the environment into a validated
 * {@link TestPlan}, or reports every problem found with its field path (or flag). Pure: reads nothing but its
 * arguments; thread safe.
 *
 * <ul>
 *   <li>Target: {@code --host}, else spec.target; http or https with a host; a base path prefixes every request
 *       path; a trailing slash is dropped.</li>
 *   <li>Load: preset, then the file's load fields, then the flags (see {@link Overrides} for flags on a file with
 *       stages). Without spawnRate all users start at once. The spike preset sets every class's wait to 100..500
 *       ms.</li>
 *   <li>Variables: literal, or {@code fromEnv} read from {@code env} now and inlined as constants. A value that
 *       cannot be in a request line or header (a control character; in a path also a space) is an error where
 *       a path or header reads it, naming the variable but never its value.</li>
 *   <li>Headers: defaults, then the class's, then the request's (case-insensitive; later wins). A body's
 *       Content-Type is application/json for {@code json:} and text/plain for {@code body:} unless a header sets
 *       it. Timeout: the request's, else spec.defaults.timeout, else 30 s.</li>
 *   <li>Sessions: a cookie jar per user unless spec.defaults.cookies is false; each request follows up to its
 *       followRedirects, else spec.defaults.followRedirects, else 10 redirects. {@code form:} is url-encoded
 *       ({@code application/x-www-form-urlencoded}); {@code multipart:} files are read through the
 *       {@link Attachments} now.</li>
 *   <li>Tags: a task runs when it has an included tag (or none are included) and no excluded one; classes left
 *       without tasks are dropped; nothing left is a problem. Dropped tasks are still checked.</li>
 *   <li>Data: spec.data sources as read ({@link DataSet}); {@code ${name.column}} must name a column of the
 *       file; {@code pick: unique} needs a row for every user at the load's peak.</li>
 *   <li>Thresholds: a scoped threshold must name a row label of the file ({@code GET /api/products/{id}}); if
 *       the tag filter dropped that row's tasks, the threshold is left out of the run.</li>
 *   <li>Setup and teardown: see {@link LifecycleCompiler}; what setup extracts is {@code ${setup.NAME}}
 *       everywhere.</li>
 * </ul>
 */
public final class LoadTestCompiler {

    private static final int DEFAULT_WORKERS = 1;

    private LoadTestCompiler() {
    }

    /**
     * @param overrides command-line settings, {@link Overrides#none()} for the file as written
     * @param env       environment variables for {@code fromEnv}
     */
    public static TestPlan compile(LoadTestDocument doc, Overrides overrides, Map<String, String> env)
            throws InvalidLoadTestException {
        return compile(doc, overrides, env, DataSet.NONE, Attachments.NONE);
    }

    /**
     * @param data        the tables read for spec.data (and the problems reading them), {@link DataSet#NONE} when
     *                    the file has none
     * @param attachments where the files the LoadTest names (multipart uploads) are read from
     */
    public static TestPlan compile(LoadTestDocument doc, Overrides overrides, Map<String, String> env, DataSet data,
                                   Attachments attachments) throws InvalidLoadTestException {
        return compile(doc, overrides, env, data, attachments, Plugins.NONE);
    }

    /**
     * @param plugins the extensions the file may name ({@link Plugins#NONE} without {@code --plugins};
     *                {@link Plugins#ACCEPT_ANY} to check a file whose plugins are elsewhere)
     */
    public static TestPlan compile(LoadTestDocument doc, Overrides overrides, Map<String, String> env, DataSet data,
                                   Attachments attachments, Plugins plugins) throws InvalidLoadTestException {
        Problems problems = new Problems();
        LoadTestSpec spec = doc.spec();
        URI target = target(spec.target(), overrides.host(), problems);
        Map<String, String> constants = VariableResolver.resolve(spec.variables(), env, problems);
        ResolvedLoad load = LoadPlanResolver.resolve(spec.load(), overrides, problems);
        TagFilter tags = TagFilter.of(spec.tags().include(), spec.tags().exclude(), overrides);
        RowIndex keptRows = new RowIndex();
        RowIndex droppedRows = new RowIndex();
        Map<String, String> fromEnv = new HashMap<>();
        spec.variables().forEach((name, variable) -> {
            if (variable instanceof VariableSpec.FromEnv read) {
                fromEnv.put(name, read.name());
            }
        });
        DataSources.Resolved sources = DataSources.resolve(spec.data(), data, constants,
                load == null ? null : load.plan(), problems);
        List<String> setupNames = LifecycleCompiler.setupNames(spec);
        CompileContext context = new CompileContext(problems, constants, fromEnv, spec.defaults(), tags,
                load == null ? null : load.waitOverride(), keptRows, droppedRows, sources.columns(),
                setupNames.stream().map(name -> Lifecycle.PREFIX + name).toList(), attachments, plugins);
        Lifecycle lifecycle = LifecycleCompiler.compile(spec, setupNames, context);

        UserClassCompiler classCompiler = new UserClassCompiler(context);
        List<UserClassPlan> classes = new ArrayList<>();
        for (int i = 0; i < spec.userClasses().size(); i++) {
            UserClassPlan plan = classCompiler.compile(spec.userClasses().get(i), "spec.userClasses[" + i + "]");
            if (plan != null) {
                classes.add(plan);
            }
        }
        if (spec.userClasses().stream().flatMap(c -> c.tasks().stream()).noneMatch(t -> tags.keeps(t.tags()))) {
            problems.add(tags.path(), "no task matches (" + tags.describe() + "); tags in the file: "
                    + fileTags(spec.userClasses()));
        }
        List<Threshold> thresholds =
                ThresholdCompiler.compile(spec.thresholds(), keptRows.rows(), droppedRows.rows(), problems);
        if (load != null && load.plan() instanceof StressLoadPlan && spec.thresholds().isEmpty()) {
            problems.add("spec.thresholds", "a stress run needs at least one: each step is judged by the file's "
                    + "thresholds (load.stress.breakOn: thresholds), such as - expr: p95 < 500ms");
        }
        problems.throwIfAny();
        Scenario scenario = new Scenario(doc.name(), target, classes, keptRows.rows(), sources.tables(),
                spec.defaults().cookiesOn());
        int workers = spec.workers() == null ? DEFAULT_WORKERS : spec.workers();
        List<NotifyTarget> notify = spec.webhooks().stream()
                .map(hook -> new NotifyTarget(URI.create(hook.url()), Set.copyOf(hook.on()))).toList();
        return new TestPlan(scenario, load.plan(), load.stopTimeoutMillis(), thresholds, workers, load.overrideNote(),
                lifecycle, notify);
    }

    private static URI target(String fileTarget, String host, Problems problems) {
        String path = host != null ? Overrides.HOST : "spec.target";
        String text = host != null ? host : fileTarget;
        if (text == null) {
            problems.add("spec.target", "is required: the base URL of the system under test, such as "
                    + "http://localhost:8080 (or pass " + Overrides.HOST + ")");
            return null;
        }
        try {
            return TargetUrl.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return null;
        }
    }

    private static String fileTags(List<UserClassSpec> classes) {
        TreeSet<String> tags = new TreeSet<>();
        classes.forEach(c -> c.tasks().forEach(t -> tags.addAll(t.tags())));
        return tags.isEmpty() ? "none" : String.join(", ", tags);
    }
}
