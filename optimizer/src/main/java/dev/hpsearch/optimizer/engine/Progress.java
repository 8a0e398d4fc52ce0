package dev.hpsearch.optimizer.engine;

import java.time.Duration;

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
 */
public record Progress(int done, int failed, int cancelled, int running, int queued, long planned,
                       TrialRecord best, Duration elapsed, Duration remaining) {

    public int finished() {
        return done + failed + cancelled;
    }
}
