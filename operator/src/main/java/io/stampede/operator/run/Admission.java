package io.stampede.operator.run;

import io.stampede.operator.api.LoadTest;
import io.stampede.operator.check.SpecValidator;
import io.stampede.operator.check.RunPolicy;
import io.stampede.runner.model.Problem;
import io.stampede.runner.scenario.data.DataSet;

import java.util.List;
import java.util.Optional;

/**
 * Whether a pending run may be provisioned: a valid spec (the runner's validator), what the cluster admin's policy
 * admits (target host and port, image, env), and a free slot under the namespace's cap on concurrent runs. A pure
 * function of its inputs.
 */
public final class Admission {

    /** @param admitted true: provision now; false: {@code rejected} says whether it is an error or a wait */
    public record Verdict(boolean admitted, boolean rejected, String message) {
        static Verdict admit() {
            return new Verdict(true, false, null);
        }

        static Verdict reject(String message) {
            return new Verdict(false, true, message);
        }

        static Verdict waitFor(String message) {
            return new Verdict(false, false, message);
        }
    }

    private Admission() {
    }

    /**
     * @param activeInNamespace other LoadTests of the namespace provisioning or running now
     * @param cap               at most this many at once; 0 for no cap
     */
    public static Verdict check(LoadTest loadTest, RunPolicy policy, int activeInNamespace, int cap) {
        return check(loadTest, DataSet.NONE, policy, activeInNamespace, cap);
    }

    /** @param data the spec.data tables read from the dataFrom ConfigMaps, checked with the spec */
    public static Verdict check(LoadTest loadTest, DataSet data, RunPolicy policy, int activeInNamespace, int cap) {
        List<Problem> problems = SpecValidator.problems(loadTest, data);
        if (!problems.isEmpty()) return Verdict.reject(SpecValidator.describe(problems));
        Optional<String> refusal = policy.refusal(loadTest);
        if (refusal.isPresent()) return Verdict.reject(refusal.get());
        if (cap > 0 && activeInNamespace >= cap) {
            return Verdict.waitFor("waiting for a free slot: " + activeInNamespace + " LoadTests are running in namespace "
                    + loadTest.getMetadata().getNamespace() + " (the operator allows " + cap + " at once)");
        }
        return Verdict.admit();
    }
}
