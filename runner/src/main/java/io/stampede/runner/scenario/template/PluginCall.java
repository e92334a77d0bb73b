package io.stampede.runner.scenario.template;

import io.stampede.plugin.TemplateFunction;
import io.stampede.runner.plugin.PluginCallException;
import io.stampede.runner.plugin.PluginCalls;
import io.stampede.runner.scenario.TemplateContext;

/**
 * {@code ${name(args)}} of a plugin function, bound at load time. Renders on the user's event loop; what the plugin
 * throws becomes a {@link PluginCallException} ({@code plugin NAME: <message>}), which fails the request.
 */
record PluginCall(String name, TemplateFunction.Call call) implements Segment {

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
        PluginCalls.Slot slot = PluginCalls.enter(name);
        try {
            call.appendTo(out, context);
        } catch (RuntimeException | LinkageError e) {
            throw new PluginCallException(name, e);
        } finally {
            slot.exit();
        }
    }
}
