package io.stampede.runner.analysis.story;

/**
 * The named shapes of a run, as the LoadTest contract names them. Listed from the most to the least severe: the
 * order in which a {@link Story} keeps them when there are more than {@value Story#MAX_ENTRIES}.
 */
public enum Pattern {

    /** Fine up to some load, then a collapse that stays while the load stays. */
    CLIFF("cliff"),
    /** Failures start past some load (or after some time at a load), after a clean start. */
    ERRORS_UNDER_LOAD("errorsUnderLoad"),
    /** One row's latency jumps while the other rows stay flat. */
    FLAT_THEN_SPIKE("flatThenSpike"),
    /** Requests per second fall while the users stay the same: a leak, a growing table, a filling cache. */
    THROUGHPUT_DECAY("throughputDecay"),
    /** Latency rises step by step with the load. */
    LINEAR("linear"),
    /** Periodic latency spikes that recover. */
    SAWTOOTH("sawtooth"),
    /** Nothing changed that the analysis can name. */
    STABLE("stable");

    private final String contractName;

    Pattern(String contractName) {
        this.contractName = contractName;
    }

    /** The name as JSON, the console and {@code status.story} write it: {@code flatThenSpike}. */
    public String contractName() {
        return contractName;
    }

    @Override
    public String toString() {
        return contractName;
    }

    /** Whether this pattern makes the run's verdict {@link Verdict#CATASTROPHIC}. */
    boolean isCatastrophic() {
        return this == CLIFF || this == ERRORS_UNDER_LOAD;
    }
}
