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
 */
public record TemplateScope(Map<String, String> constants, List<String> slotNames) {

    public TemplateScope {
        constants = Map.copyOf(constants);
        slotNames = List.copyOf(slotNames);
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
