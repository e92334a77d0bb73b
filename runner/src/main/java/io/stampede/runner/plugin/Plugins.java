package io.stampede.runner.plugin;

import io.stampede.plugin.CustomCheck;
import io.stampede.plugin.CustomStep;
import io.stampede.plugin.StepResult;
import io.stampede.plugin.Extension;
import io.stampede.plugin.RequestSigner;
import io.stampede.plugin.Settings;
import io.stampede.plugin.TemplateFunction;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The extensions a run may use, by kind and name (see {@link PluginLoader}). Immutable and thread safe.
 *
 * <p>{@link #NONE} knows no extension (no {@code --plugins}): a file naming one is refused at its field path.
 * {@link #ACCEPT_ANY} is for checking a file where the plugins are not at hand (the operator's admission check): any
 * name is taken, and what it returns only validates (it renders nothing, signs nothing, passes every response);
 * such a plan is never run, the runner in the pod checks the names against its own plugins.
 */
public final class Plugins {

    public static final Plugins NONE = new Plugins(Map.of(), Map.of(), Map.of(), Map.of(), false);
    public static final Plugins ACCEPT_ANY = new Plugins(Map.of(), Map.of(), Map.of(), Map.of(), true);

    private final Map<String, TemplateFunction> functions;
    private final Map<String, RequestSigner> signers;
    private final Map<String, CustomCheck> checks;
    private final Map<String, CustomStep> steps;
    private final boolean acceptAny;

    Plugins(Map<String, TemplateFunction> functions, Map<String, RequestSigner> signers,
            Map<String, CustomCheck> checks, Map<String, CustomStep> steps, boolean acceptAny) {
        this.functions = Map.copyOf(functions);
        this.signers = Map.copyOf(signers);
        this.checks = Map.copyOf(checks);
        this.steps = Map.copyOf(steps);
        this.acceptAny = acceptAny;
    }

    /** The custom step of this name, or null when there is none. */
    public CustomStep step(String name) {
        CustomStep step = steps.get(name);
        return step != null || !acceptAny ? step : new StepPlaceholder(name);
    }

    public String stepNames() {
        return names(steps);
    }

    /** The template function of this name, or null when there is none. */
    public TemplateFunction function(String name) {
        TemplateFunction function = functions.get(name);
        return function != null || !acceptAny ? function : new FunctionPlaceholder(name);
    }

    /** The request signer of this name, or null when there is none. */
    public RequestSigner signer(String name) {
        RequestSigner signer = signers.get(name);
        return signer != null || !acceptAny ? signer : new SignerPlaceholder(name);
    }

    /** The response check of this name, or null when there is none. */
    public CustomCheck check(String name) {
        CustomCheck check = checks.get(name);
        return check != null || !acceptAny ? check : new CheckPlaceholder(name);
    }

    /** For messages: the names of one kind, sorted, or "none". */
    public String functionNames() {
        return names(functions);
    }

    public String signerNames() {
        return names(signers);
    }

    public String checkNames() {
        return names(checks);
    }

    /** Every extension loaded, by kind then name, for the run's banner. */
    public List<String> describe() {
        return List.of("functions: " + functionNames(), "signers: " + signerNames(), "checks: " + checkNames(),
                "steps: " + stepNames());
    }

    public boolean isEmpty() {
        return functions.isEmpty() && signers.isEmpty() && checks.isEmpty() && steps.isEmpty();
    }

    private static String names(Map<String, ? extends Extension> extensions) {
        return extensions.isEmpty() ? "none (load plugins with --plugins DIR)"
                : String.join(", ", new TreeMap<>(extensions).keySet());
    }

    /** Placeholders take any name for checking only (see {@link #ACCEPT_ANY}). */
    private record FunctionPlaceholder(String name) implements TemplateFunction {
        @Override
        public Call bind(List<String> arguments) {
            return (out, user) -> { };
        }
    }

    private record SignerPlaceholder(String name) implements RequestSigner {
        @Override
        public Signer create(Settings settings) {
            return (request, headers) -> { };
        }
    }

    private record StepPlaceholder(String name) implements CustomStep {
        @Override
        public Step create(Settings settings) {
            return context -> java.util.concurrent.CompletableFuture.completedFuture(StepResult.ok());
        }
    }

    private record CheckPlaceholder(String name) implements CustomCheck {
        @Override
        public Check create(Settings settings) {
            return response -> null;
        }
    }
}
