package io.stampede.runner.cluster.master;

/**
 * Which worker runs how many users of each class: every class's users are spread evenly over the workers (within
 * one user), the leftover ones of class c going to workers c, c+1, ... (mod workers), so that the leftovers of
 * different classes land on different workers. Hence every worker's class mix follows the weights, totals differ
 * by little, and one user more changes exactly one worker's target by one. Pure.
 */
public final class UserAssignment {

    private UserAssignment() {
    }

    /**
     * @param classTotals the run's users per class, each >= 0
     * @param workers     workers that run users, >= 1
     * @return users per worker (0..workers-1) per class
     */
    public static int[][] split(int[] classTotals, int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1: " + workers);
        int[][] targets = new int[workers][classTotals.length];
        for (int c = 0; c < classTotals.length; c++) {
            int base = classTotals[c] / workers;
            int leftover = classTotals[c] % workers;
            for (int w = 0; w < workers; w++) {
                targets[w][c] = base + (Math.floorMod(w - c, workers) < leftover ? 1 : 0);
            }
        }
        return targets;
    }
}
