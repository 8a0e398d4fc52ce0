package dev.hpsearch.optimizer.engine;

import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A snapshot of a running search for progress displays.
 *
 * @param done      finished with a score or as an analysis without score
 * @param failed    failed (crash, time limit, unusable output)
 * @param cancelled cancelled
 * @param running   running now
 * @param queued    waiting to run
 * @param planned   combinations the search will try in all, or -1 when not known up front
 * @param best      the best finished combination, or {@code null}
 * @param elapsed   time since this coordinator started
 * @param remaining estimated time left, or {@code null} when it cannot be estimated yet
 * @param pruned    stopped early by the pruner
 * @param pending   why queued runs wait, as the executor says it (Slurm's pending reason), and how many wait for
 *                  each reason; empty when nothing is known (a local run, or no reason given)
 */
public record Progress(int done, int failed, int cancelled, int running, int queued, long planned,
                       TrialRecord best, Duration elapsed, Duration remaining, Map<String, Integer> pending,
                       int pruned) {

    public Progress {
        pending = pending == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(pending));
    }

    /** A snapshot of a search without pruned runs. */
    public Progress(int done, int failed, int cancelled, int running, int queued, long planned, TrialRecord best,
                    Duration elapsed, Duration remaining, Map<String, Integer> pending) {
        this(done, failed, cancelled, running, queued, planned, best, elapsed, remaining, pending, 0);
    }

    /** A snapshot without pending reasons. */
    public Progress(int done, int failed, int cancelled, int running, int queued, long planned, TrialRecord best,
                    Duration elapsed, Duration remaining) {
        this(done, failed, cancelled, running, queued, planned, best, elapsed, remaining, Map.of());
    }

    /** The pending reasons in words, {@code "3 Priority, 1 JobHeldUser (will not clear by itself)"}; empty if none. */
    public String pendingText() {
        StringJoiner j = new StringJoiner(", ");
        new java.util.TreeMap<>(pending).forEach((reason, n) -> j.add(n + " " + reason));
        return j.toString();
    }

    /**
     * Counts the trials by status: the one place where trial states become the counters that the progress line,
     * the dashboard and a followed search show. Without an estimate of the time left.
     */
    public static Progress count(java.util.Collection<TrialRecord> trials, long planned, TrialRecord best,
                                 Duration elapsed, Map<String, Integer> pending) {
        int[] n = new int[TrialStatus.values().length];
        for (TrialRecord t : trials) {
            n[t.status().ordinal()]++;
        }
        return new Progress(n[TrialStatus.OK.ordinal()] + n[TrialStatus.NO_SCORE.ordinal()],
                n[TrialStatus.FAILED.ordinal()], n[TrialStatus.CANCELLED.ordinal()], n[TrialStatus.RUNNING.ordinal()],
                n[TrialStatus.QUEUED.ordinal()], planned, best, elapsed, null, pending, n[TrialStatus.PRUNED.ordinal()]);
    }

    /** This snapshot with an estimate of the time left ({@code null} when none). */
    public Progress withRemaining(Duration left) {
        return new Progress(done, failed, cancelled, running, queued, planned, best, elapsed, left, pending, pruned);
    }

    public int finished() {
        return done + failed + cancelled + pruned;
    }
}
