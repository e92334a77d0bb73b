package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.FieldNames;
import io.stampede.runner.model.Problems;
import io.stampede.runner.model.spec.ExtractSpec;
import io.stampede.runner.model.spec.PluginStepSpec;
import io.stampede.runner.scenario.PluginStepPlan;
import io.stampede.runner.model.spec.RequestSpec;
import io.stampede.runner.model.spec.StepSpec;
import io.stampede.runner.scenario.ExpectPlan;
import io.stampede.runner.scenario.Extraction;
import io.stampede.runner.scenario.MultipartPlan;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.RequestPlan.BodyPlan;
import io.stampede.runner.scenario.RequestPlan.HeaderPlan;
import io.stampede.runner.scenario.StepPlan;
import io.stampede.runner.scenario.Template;
import io.stampede.runner.scenario.extract.HeaderSource;
import io.stampede.runner.scenario.extract.JsonPath;
import io.stampede.runner.scenario.extract.JsonPathSource;
import io.stampede.runner.scenario.SignerPlan;
import io.stampede.runner.stats.RowKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles the steps of one user class: templates, merged headers, body, timeout, stats row, expectations and
 * extractions. A request's row is its {@code name}, or else its path as written without the query string, so
 * {@code /api/products/${randomInt(1,1000)}} is one row.
 */
final class StepCompiler {

    static final long DEFAULT_TIMEOUT_MILLIS = 30_000;
    /** The "method" of a custom step's stats row: {@code STEP publish order}. */
    static final String PLUGIN_STEP_METHOD = "STEP";
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    private final TemplateFields templates;
    private final CompiledHeaders classHeaders;
    private final Duration defaultTimeout;
    private final List<String> slotNames;
    private final String extractPrefix;
    private final Problems problems;
    private final int defaultRedirects;
    private final FormBodyCompiler forms;
    private final PluginUses plugins;
    private final SignerPlan classSigner;

    /**
     * @param extractPrefix    what an extracted name's slot is called besides the name ({@code setup.} in setup)
     * @param classHeaders     the defaults' and the class's headers, merged
     * @param defaultRedirects spec.defaults.followRedirects (or its default), >= 0
     * @param plugins          compiles {@code sign} and {@code expect.checks}
     * @param classSigner      the class's (or spec.defaults') signer for requests without their own, or null
     */
    StepCompiler(TemplateFields templates, CompiledHeaders classHeaders, Duration defaultTimeout,
                 List<String> slotNames, String extractPrefix, Problems problems, int defaultRedirects,
                 Attachments attachments, PluginUses plugins, SignerPlan classSigner) {
        this.plugins = plugins;
        this.classSigner = classSigner;
        this.templates = templates;
        this.classHeaders = classHeaders;
        this.defaultTimeout = defaultTimeout;
        this.slotNames = slotNames;
        this.extractPrefix = extractPrefix;
        this.problems = problems;
        this.defaultRedirects = defaultRedirects;
        this.forms = new FormBodyCompiler(templates, attachments, problems);
    }

    /**
     * @param holderPath the path of the map holding request/expect/extract (a step, or a task with request)
     * @return the step, or null when a problem was reported
     */
    StepPlan compile(StepSpec step, String holderPath, RowIndex rows) {
        if (step.pluginStep() != null) {
            PluginStepSpec spec = step.pluginStep();
            int row = rows.indexOf(new RowKey(PLUGIN_STEP_METHOD, spec.name() != null ? spec.name() : spec.plugin()));
            Duration timeout = defaultTimeout != null ? defaultTimeout : Duration.ofMillis(DEFAULT_TIMEOUT_MILLIS);
            PluginStepPlan plan = plugins.step(spec, holderPath + ".step", row, timeout);
            return plan == null ? null : StepPlan.of(plan);
        }
        int before = problems.count();
        RequestSpec request = step.request();
        String requestPath = holderPath + ".request";
        Template path = templates.compileRequestTarget(request.path(), requestPath + ".path");
        CompiledHeaders headers = classHeaders.with(request.headers(), requestPath + ".headers", templates);
        BodyPlan body = body(request, requestPath, headers);
        List<Extraction> extractions = extractions(step.extract(), holderPath + ".extract");
        ExpectPlan expect = ExpectCompiler.compile(step.expect(), holderPath + ".expect", problems, plugins);
        SignerPlan signer = request.sign() != null ? plugins.signer(request.sign(), requestPath + ".sign")
                : classSigner;
        if (problems.count() > before) {
            return null;
        }
        long timeoutMillis = request.timeout() != null ? request.timeout().toMillis()
                : defaultTimeout != null ? defaultTimeout.toMillis() : DEFAULT_TIMEOUT_MILLIS;
        int row = rows.indexOf(rowOf(request));
        int redirects = request.followRedirects() != null ? request.followRedirects() : defaultRedirects;
        RequestPlan plan = new RequestPlan(request.method(), path, headers.list(), body, timeoutMillis, row,
                redirects, signer);
        return new StepPlan(plan, expect, extractions);
    }

    static RowKey rowOf(RequestSpec request) {
        if (request.name() != null) {
            return new RowKey(request.method(), request.name());
        }
        int query = request.path().indexOf('?');
        return new RowKey(request.method(), query < 0 ? request.path() : request.path().substring(0, query));
    }

    private BodyPlan body(RequestSpec request, String requestPath, CompiledHeaders headers) {
        Template text;
        String defaultType;
        if (request.json() != null) {
            text = templates.compileJson(request.json(), requestPath + ".json");
            defaultType = JSON;
        } else if (request.body() != null) {
            text = templates.compile(request.body(), requestPath + ".body");
            defaultType = TEXT;
        } else if (request.form() != null) {
            text = forms.form(request.form(), requestPath + ".form");
            defaultType = FormBodyCompiler.FORM;
        } else if (request.multipart() != null) {
            // The boundary is the body's: the engine sends its own Content-Type (a default header's is left out),
            // and one written on this very request is a mistake.
            MultipartPlan multipart = forms.multipart(request.multipart(), requestPath + ".multipart");
            if (request.headers().keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase)) {
                problems.add(requestPath + ".headers", "a multipart body sets its own Content-Type (with its "
                        + "boundary): leave Content-Type out");
            }
            return multipart == null ? null : new BodyPlan(multipart.contentType(), null, multipart);
        } else {
            return null;
        }
        if (text == null) {
            return null;
        }
        HeaderPlan contentType = headers.get("Content-Type");
        boolean constantType = contentType != null && contentType.value().isConstant();
        return new BodyPlan(constantType ? contentType.value().render(null) : defaultType, text);
    }

    private List<Extraction> extractions(Map<String, ExtractSpec> extract, String extractPath) {
        List<Extraction> extractions = new ArrayList<>();
        extract.forEach((name, spec) -> {
            int slot = slotNames.indexOf(extractPrefix + name);
            if (slot < 0) {
                return;
            }
            if (spec instanceof ExtractSpec.Header header) {
                extractions.add(new Extraction(name, slot, new HeaderSource(header.name())));
            } else if (spec instanceof ExtractSpec.JsonPath jsonPath) {
                try {
                    extractions.add(new Extraction(name, slot,
                            new JsonPathSource(JsonPath.compile(jsonPath.expression()))));
                } catch (IllegalArgumentException e) {
                    problems.add(FieldNames.child(extractPath, name) + ".jsonPath", e.getMessage());
                }
            }
        });
        return extractions;
    }
}
