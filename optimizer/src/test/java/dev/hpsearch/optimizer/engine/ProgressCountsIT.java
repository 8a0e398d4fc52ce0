package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.exec.LocalProcessExecutor;
import dev.hpsearch.optimizer.strategy.GridStrategy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's counters come from the engine's {@link Progress} alone, so every change of a combination's state
 * must be followed by a Progress that counts it, as {@code hpsearch status} counts the journal. Two combinations run
 * at once on this machine.
 */
class ProgressCountsIT {

    @TempDir
    Path tmp;

    @Test
    void everyChangeOfACombinationIsFollowedByAProgressThatCountsItTwoRunningAtOnce() throws Exception {
        Project p = new Project(tmp).script("sh", "score.sh", "sleep 1; echo 2 > output.json\n", 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2, 3, 4], \"transformation\": \"linear\"}}";
        p.searchConfig = "{\"search_type\": \"grid\", \"max_active_points\": 2}";
        Configs c = p.configs();
        Path searchDir = SearchFiles.create(c);
        Map<Integer, TrialStatus> rows = new HashMap<>();
        List<String> stale = new ArrayList<>();
        int[] peakRunning = {0};
        boolean[] trialSinceProgress = {false};
        try (LocalProcessExecutor ex = new LocalProcessExecutor()) {
            new SearchEngine(c.search(), c.job(), c.model(), searchDir, ex, new GridStrategy(c.model().space(), 4),
                    Clock.systemUTC(), new SearchListener() {
                        @Override
                        public void onTrial(TrialRecord t) {
                            if (trialSinceProgress[0]) {
                                stale.add("combination " + t.id() + " became " + t.status().key()
                                        + " while the counters still showed the change before it");
                            }
                            rows.put(t.id(), t.status());
                            trialSinceProgress[0] = true;
                        }

                        @Override
                        public void onProgress(Progress pr) {
                            trialSinceProgress[0] = false;
                            long running = rows.values().stream().filter(s -> s == TrialStatus.RUNNING).count();
                            if (pr.running() != running) {
                                stale.add("progress says " + pr.running() + " running, the rows " + running);
                            }
                            // what `hpsearch status` counts: the journal replayed
                            try {
                                SearchState status = SearchState.replay(Journal.read(searchDir));
                                if (status.count(TrialStatus.RUNNING) != pr.running()
                                        || status.count(TrialStatus.QUEUED) != pr.queued()) {
                                    stale.add("progress says " + pr.running() + " running, " + pr.queued()
                                            + " queued; the journal " + status.count(TrialStatus.RUNNING) + " and "
                                            + status.count(TrialStatus.QUEUED));
                                }
                            } catch (java.io.IOException e) {
                                stale.add("journal not read: " + e);
                            }
                            peakRunning[0] = Math.max(peakRunning[0], pr.running());
                        }
                    }).run();
        }
        assertThat(stale).isEmpty();
        assertThat(trialSinceProgress[0]).as("the last change of a row was counted").isFalse();
        assertThat(peakRunning[0]).as("the counters saw two combinations running at once").isGreaterThanOrEqualTo(2);
    }
}
