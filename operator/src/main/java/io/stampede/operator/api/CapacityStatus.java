package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A stress run's answer: the highest step that held and the first that broke, with the figures that decided it,
 * and the sentence people read ("holds 350 users / 117 RPS with p95 < 450ms; broke at 400 users (p95 820ms)").
 * Each step's figures are over its judged seconds only (see docs/reading-a-run.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CapacityStatus {

    /** The highest step that held; absent when none did. */
    private Step held;

    /** The first step that broke; absent when the run never broke. */
    private Step broke;

    /** The capacity in one sentence. */
    private String text;

    public Step getHeld() {
        return held;
    }

    public void setHeld(Step held) {
        this.held = held;
    }

    public Step getBroke() {
        return broke;
    }

    public void setBroke(Step broke) {
        this.broke = broke;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** One step of a stress run. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Step {

        /** The step's number, from 1. */
        private Integer step;

        /** Users during the step. */
        private Integer users;

        /** Requests per second over the step's judged seconds. */
        private Double rps;

        /** 95th percentile latency over the step's judged seconds, in ms (the held step). */
        private Double p95Ms;

        /** Each breaking criterion the step breached, with its observed value (the broken step). */
        private List<String> breached;

        public Integer getStep() {
            return step;
        }

        public void setStep(Integer step) {
            this.step = step;
        }

        public Integer getUsers() {
            return users;
        }

        public void setUsers(Integer users) {
            this.users = users;
        }

        public Double getRps() {
            return rps;
        }

        public void setRps(Double rps) {
            this.rps = rps;
        }

        public Double getP95Ms() {
            return p95Ms;
        }

        public void setP95Ms(Double p95Ms) {
            this.p95Ms = p95Ms;
        }

        public List<String> getBreached() {
            return breached;
        }

        public void setBreached(List<String> breached) {
            this.breached = breached;
        }
    }
}
