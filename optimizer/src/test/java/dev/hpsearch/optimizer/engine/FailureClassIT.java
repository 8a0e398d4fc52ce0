package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each way a local run can end means in {@code hp_search_data.txt}: its {@code failure_class} and
 * {@code attempts}; {@code retry_timeout} running a slow run again with more time; {@code max_failures}
 * stopping a broken analysis early with its first error. Real scripts, real processes.
 */
class FailureClassIT {
    /** Time limit of one run: 0.0005 h = 1.8 s. */
    private static final double TIME = 0.0005;

    @TempDir
    Path tmp;

    /** The table's rows by combination id, each as column name to cell. */
    private static Map<Integer, Map<String, String>> rows(SearchSummary s) throws Exception {
        List<String> lines = Project.table(s);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        Map<Integer, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), f[i]);
            }
            rows.put(Integer.parseInt(row.get("combination_id")), row);
        }
        return rows;
    }

    @Test
    void eachWayALocalRunEndsHasItsFailureClass() throws Exception {
        Project p = new Project(tmp).script("python3", "outcomes.py", String.join("\n",
                "import json, sys, time",
                "x = json.load(open(sys.argv[1]))['x']",
                "if x == 0:",
                "    sys.exit('boom: no such data file')",
                "if x == 2:",
                "    open('output.json', 'w').write('not json')",
                "if x == 3:",
                "    time.sleep(30)",
                "if x == 4:",
                "    json.dump(0.5, open('output.json', 'w'))", ""), TIME);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [0, 1, 2, 3, 4], \"transformation\": \"linear\"}}";
        p.searchConfig = "{\"search_type\": \"grid\", \"max_active_points\": 5,"
                + " \"num_grid_points_per_hyperparameter\": 5}";

        SearchSummary s = p.run();

        Map<Integer, Map<String, String>> rows = rows(s);
        assertThat(s.complete()).isTrue();
        assertThat(rows.get(0)).containsEntry("status", "failed").containsEntry("failure_class", "script_error");
        assertThat(rows.get(1)).containsEntry("status", "no_score").containsEntry("failure_class", "no_output");
        assertThat(rows.get(2)).containsEntry("status", "failed").containsEntry("failure_class", "bad_output");
        assertThat(rows.get(3)).containsEntry("status", "failed").containsEntry("failure_class", "timeout");
        assertThat(rows.get(4)).containsEntry("status", "ok").containsEntry("failure_class", "");
        assertThat(rows.values()).allSatisfy(r -> assertThat(r).containsEntry("attempts", "1"));
        SearchState state = SearchState.replay(Journal.read(s.searchDir()));
        assertThat(SearchState.describe(state.finishedClassCounts()))
                .isEqualTo("1 script_error, 1 no_output, 1 bad_output, 1 timeout");
    }

    /** A run that needs 2.5 s with a limit of 1.8 s: failed without retry_timeout, ok with it. */
    private Project slowRun(Path dir, String retryKeys) throws Exception {
        Project p = new Project(Files.createDirectories(dir)).script("sh", "slow.sh",
                "echo run >> ../../runs.txt; sleep 2.5; echo 0.25 > output.json\n", TIME);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1], \"transformation\": \"linear\"}}";
        p.searchConfig = "{\"search_type\": \"grid\", \"max_active_points\": 1" + retryKeys + "}";
        return p;
    }

    @Test
    void aRunPastItsTimeFailsAsTimeoutWithoutRetryTimeout() throws Exception {
        Path dir = tmp.resolve("plain");
        SearchSummary s = slowRun(dir, "").run();

        assertThat(rows(s).get(0)).containsEntry("status", "failed").containsEntry("failure_class", "timeout")
                .containsEntry("attempts", "1");
        assertThat(Files.readAllLines(dir.resolve("runs.txt"))).hasSize(1);
    }

    @Test
    void retryTimeoutRunsItAgainWithTheTimeMultiplied() throws Exception {
        Path dir = tmp.resolve("retry");
        SearchSummary s = slowRun(dir, ", \"retry_timeout\": 2, \"retry_factor\": 3").run();

        assertThat(s.complete()).isTrue();
        assertThat(rows(s).get(0)).containsEntry("status", "ok").containsEntry("loss", "0.25")
                .containsEntry("failure_class", "").containsEntry("attempts", "2");
        assertThat(Files.readAllLines(dir.resolve("runs.txt"))).hasSize(2);
        List<JournalEvent.Requeue> requeues = Journal.read(s.searchDir(), JournalEvent.Requeue.class);
        assertThat(requeues).hasSize(1);
        assertThat(requeues.get(0).failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(requeues.get(0).reason()).contains("runs again with time 5 s (retry 1 of 2)");
        SearchState state = SearchState.replay(Journal.read(s.searchDir()));
        assertThat(SearchState.describe(state.rerunClassCounts())).isEqualTo("1 timeout");
    }

    @Test
    void retriesThatRunOutAreRecordedAsTimeoutWithTheirCount() throws Exception {
        Path dir = tmp.resolve("short");
        // 1.8 s, then 1.8 * 1.2 = 2.16 s: both short of the 2.5 s the run needs
        SearchSummary s = slowRun(dir, ", \"retry_timeout\": 1, \"retry_factor\": 1.2").run();

        assertThat(rows(s).get(0)).containsEntry("status", "failed").containsEntry("failure_class", "timeout")
                .containsEntry("attempts", "2");
        assertThat(rows(s).get(0).get("failure_reason")).contains("after 1 retry");
        assertThat(Files.readAllLines(dir.resolve("runs.txt"))).hasSize(2);
    }

    /** A broken script: every run fails at once. */
    private Project broken(Path dir, String maxFailures) throws Exception {
        Project p = new Project(Files.createDirectories(dir)).script("sh", "broken.sh",
                "echo run >> ../../runs.txt; echo 'ModuleNotFoundError: No module named numpyy' >&2; exit 1\n", 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [0, 1, 2, 3, 4, 5, 6, 7],"
                + " \"transformation\": \"linear\"}}";
        p.searchConfig = "{\"search_type\": \"grid\", \"max_active_points\": 1,"
                + " \"num_grid_points_per_hyperparameter\": 8, \"max_failures\": " + maxFailures + "}";
        return p;
    }

    @Test
    void maxFailuresStopsABrokenScriptEarlyShowingTheFirstErrorAndResumeRunsTheRestAfterTheFix() throws Exception {
        Path dir = tmp.resolve("broken");
        Project p = broken(dir, "3");

        SearchSummary stopped = p.run();

        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.fault()).isTrue(); // the command line exits 1
        assertThat(stopped.reason()).contains("3 analyses failed, max_failures is 3")
                .contains("the first: combination 0: exit code 1")
                .contains("ModuleNotFoundError: No module named numpyy")
                .contains("hp_combination_0").contains("resume the search");
        assertThat(Files.readAllLines(dir.resolve("runs.txt"))).hasSize(3);
        Map<Integer, Map<String, String>> rows = rows(stopped);
        assertThat(rows.values()).filteredOn(r -> r.get("status").equals("failed")).hasSize(3)
                .allSatisfy(r -> assertThat(r).containsEntry("failure_class", "script_error"));
        assertThat(rows.values()).filteredOn(r -> r.get("status").equals("cancelled")).isEmpty();

        // the fix: the failed stay failed (not run again), the waiting ones run on resume
        Files.writeString(dir.resolve("broken.sh"), "echo run >> ../../runs.txt; echo 1 > output.json\n");
        SearchSummary resumed = p.run(stopped.searchDir());

        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.progress().failed()).isEqualTo(3);
        assertThat(resumed.progress().done()).isEqualTo(5);
        assertThat(Files.readAllLines(dir.resolve("runs.txt"))).hasSize(8);
    }

    @Test
    void aFractionOfThePlannedCombinationsIsALimitToo() throws Exception {
        Path dir = tmp.resolve("fraction");
        // 0.25 of 8 planned combinations: the second failure stops the search
        SearchSummary stopped = broken(dir, "0.25").run();

        assertThat(stopped.fault()).isTrue();
        assertThat(stopped.reason()).contains("2 analyses failed, max_failures is 2")
                .contains("max_failures 0.25 of 8 planned combinations");
        assertThat(Files.readAllLines(dir.resolve("runs.txt"))).hasSize(2);
    }

    @Test
    void withoutMaxFailuresABrokenScriptRunsEveryCombinationAsBefore() throws Exception {
        Path dir = tmp.resolve("seed");
        Project p = broken(dir, "3");
        p.searchConfig = "{\"search_type\": \"grid\", \"max_active_points\": 1,"
                + " \"num_grid_points_per_hyperparameter\": 8}";

        SearchSummary s = p.run();

        assertThat(s.complete()).isTrue();
        assertThat(s.progress().failed()).isEqualTo(8);
        assertThat(Files.readAllLines(dir.resolve("runs.txt"))).hasSize(8);
    }
}
