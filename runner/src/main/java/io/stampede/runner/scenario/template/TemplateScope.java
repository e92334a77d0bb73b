package io.stampede.runner.scenario.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The names a template may read: the built-ins ({@code userId}, {@code workerIndex}, {@code iteration}),
 * constants (spec variables, already resolved and inlined into the compiled template) and the user class's
 * slots (values extracted from responses, read at render time).
 *
 * @param constants spec variables by name; their values never appear in a template's {@code source()}
 * @param slotNames the user class's extracted names, by slot index
 * @param rule      which constants may be read where this scope compiles (a header value, a path): a
 *                  {@code ${name}} whose value it refuses is an error at its position
 */
public record TemplateScope(Map<String, String> constants, List<String> slotNames, ConstantRule rule) {

    /** Decides whether a constant's value may be inlined; never repeats the value (it may be a secret). */
    @FunctionalInterface
    public interface ConstantRule {

        /** Every value is fine. */
        ConstantRule ANY = (name, value) -> null;

        /** @return why the value of variable {@code name} cannot go here, for people; null when it can */
        String problem(String name, String value);
    }

    public TemplateScope {
        constants = Map.copyOf(constants);
        slotNames = List.copyOf(slotNames);
    }

    /** A scope in which every constant may be read anywhere. */
    public TemplateScope(Map<String, String> constants, List<String> slotNames) {
        this(constants, slotNames, ConstantRule.ANY);
    }

    /** This scope with another rule for its constants. */
    public TemplateScope withRule(ConstantRule rule) {
        return new TemplateScope(constants, slotNames, rule);
    }

    /** Why the constant {@code name} cannot be read in this scope, or null (also when it is no constant). */
    String refusal(String name) {
        String value = constants.get(name);
        return value == null || BuiltIn.byName(name) != null ? null : rule.problem(name, value);
    }

    /** The built-in variable names. */
    public static List<String> builtInNames() {
        return BuiltIn.NAMES;
    }

    /** What a {@code ${name}} compiles to, or null when the name is unknown. */
    Segment resolve(String name) {
        BuiltIn builtIn = BuiltIn.byName(name);
        if (builtIn != null) {
            return builtIn;
        }
        String constant = constants.get(name);
        if (constant != null) {
            return new Literal(constant);
        }
        int slot = slotNames.indexOf(name);
        return slot >= 0 ? new SlotRead(slot) : null;
    }

    /** Every name that resolves, for messages. */
    List<String> knownNames() {
        List<String> names = new ArrayList<>(BuiltIn.NAMES);
        constants.keySet().stream().sorted().forEach(names::add);
        names.addAll(slotNames);
        return names;
    }
}
