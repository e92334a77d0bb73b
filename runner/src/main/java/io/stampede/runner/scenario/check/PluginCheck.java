package io.stampede.runner.scenario.check;

import io.stampede.plugin.CheckedResponse;
import io.stampede.plugin.CustomCheck;
import io.stampede.plugin.UserContext;
import io.stampede.runner.plugin.PluginCallException;
import io.stampede.runner.plugin.PluginCalls;
import io.stampede.runner.scenario.PluginSettings;
import io.stampede.runner.scenario.ResponseCheck;
import io.stampede.runner.scenario.ResponseView;

/**
 * An {@code expect.checks} entry: a plugin's check, run like the built-in ones on the user's event loop. What the
 * plugin throws is the failure {@code plugin NAME: <message>}; a cause it returns is kept as it is.
 */
public record PluginCheck(String name, CustomCheck.Check check, PluginSettings settings) implements ResponseCheck {

    @Override
    public String failure(ResponseView response) {
        PluginCalls.Slot slot = PluginCalls.enter(name);
        try {
            return check.failure(new Checked(response, settings));
        } catch (Exception | LinkageError e) {
            return PluginCallException.cause(name, e);
        } finally {
            slot.exit();
        }
    }

    @Override
    public boolean readsBody() {
        return true;
    }

    /** The response as the plugin sees it; lives for one call. */
    private record Checked(ResponseView view, PluginSettings settings) implements CheckedResponse {

        @Override
        public int status() {
            return view.status();
        }

        @Override
        public String header(String name) {
            return view.header(name);
        }

        @Override
        public String body() {
            return view.body();
        }

        @Override
        public String setting(String name) {
            return settings.value(name, view.user());
        }

        @Override
        public UserContext user() {
            return view.user();
        }
    }
}
