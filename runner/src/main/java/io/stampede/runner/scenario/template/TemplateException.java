package io.stampede.runner.scenario.template;

import java.util.List;

/** A template text that does not compile; carries every error found, each naming its position (1-based). */
public final class TemplateException extends Exception {

    private final List<String> errors;

    public TemplateException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
