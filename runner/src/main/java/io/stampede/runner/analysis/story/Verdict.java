package io.stampede.runner.analysis.story;

import java.util.Locale;

/** How the run ended up, as the contract names it. */
public enum Verdict {

    /** It slowed down, or nothing happened: no collapse, failures below {@value StoryAnalyser#CATASTROPHIC_FAILURE_PERCENT}%. */
    GRACEFUL,
    /** Errors or a collapse: a {@link Pattern#CLIFF}, {@link Pattern#ERRORS_UNDER_LOAD}, or many failures. */
    CATASTROPHIC;

    /** {@code graceful} or {@code catastrophic}. */
    public String contractName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return contractName();
    }
}
