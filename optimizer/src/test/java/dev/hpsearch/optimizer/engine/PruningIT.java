package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real searches whose script writes progress.jsonl, through the engine and the local executor: runs the pruner
 * judges bad are killed and recorded as pruned, and resume does not run them again.
 */
class PruningIT {
    /**
     * Trains for 50 steps of 0.1 s; the loss at step s is x + 1/(s+1), so a larger x is worse at every step. Its
     * first line is garbled.
     */
    private static final String TRAIN = String.join("\n",
            "import json, os, sys, time",
            "cfg = json.load(open(sys.argv[1]))",
            "x = cfg['x']",
            "p = open(os.path.join(cfg['save_folder'], 'progress.jsonl'), 'a')",
            "p.write('garbled, not JSON\\n')",
            "for s in range(50):",
            "    p.write(json.dumps({'step': s, 'objective': x + 1.0 / (s + 1), 'lr': 0.5}) + '\\n')",
            "    p.flush()",
            "    time.sleep(0.1)",
            "print('trained to the end', flush=True)",
            "json.dump({'objective': x + 0.02}, open(os.path.join(cfg['save_folder'], 'output.json'), 'w'))");

    @TempDir
    Path tmp;

    private Project project(String pruner) throws Exception {
        Project p = new Project(tmp).script("python3", "train.py", TRAIN, 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [0, 1, 2, 3], \"transformation\": \"linear\"}}";
        p.searchConfig = "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 4,"
                + " \"max_active_points\": 4" + pruner + "}";
        return p;
    }

    private static Map<String, String> row(List<String> table, int x) {
        List<String> header = Arrays.asList(table.get(0).split("\t", -1));
        for (String line : table.subList(1, table.size())) {
            String[] f = line.split("\t", -1);
            if (Double.parseDouble(f[header.indexOf("x")]) == x) {
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), i < f.length ? f[i] : "");
                }
                return m;
            }
        }
        throw new AssertionError("no row with x = " + x);
    }

    @Test
    void medianKillsTheRunsWorseThanTheMedianAndRecordsTheirLastStepAndValue() throws Exception {
        Project p = project(", \"pruner\": \"median\", \"pruner_warmup_steps\": 3");
        SearchSummary s = p.run();

        assertThat(s.complete()).isTrue();
        assertThat(s.progress().pruned()).isEqualTo(2);
        List<String> table = Project.table(s);
        for (int x : new int[] {0, 1}) {
            assertThat(row(table, x)).containsEntry("status", "ok");
        }
        for (int x : new int[] {2, 3}) {
            Map<String, String> r = row(table, x);
            assertThat(r).containsEntry("status", "pruned").containsEntry("loss", "");
            assertThat(r.get("failure_reason")).contains("median");
            long step = (long) Double.parseDouble(r.get("last_step"));
            assertThat(step).isBetween(3L, 48L);
            assertThat(Double.parseDouble(r.get("last_value"))).isEqualTo(x + 1.0 / (step + 1));
            assertThat(r.get("lr")).isEqualTo("0.5");
            Path dir = Path.of(r.get("model_config_path")).getParent();
            // killed: it never wrote its output.json nor reached its last line
            assertThat(dir.resolve("output.json")).doesNotExist();
            assertThat(Files.readString(dir.resolve("log.txt"))).doesNotContain("trained to the end");
        }
        assertThat(s.progress().best().loss()).isEqualTo(0.02);
        String journal = Files.readString(s.searchDir().resolve(Journal.FILE_NAME));
        assertThat(journal).contains("\"status\":\"pruned\"");
        // the garbled first line of each run is skipped and named, not fatal
        assertThat(Files.readString(s.searchDir().resolve(SearchLog.FILE_NAME)))
                .contains("progress.jsonl line 1 skipped: not JSON");

        // resume: the pruned combinations stay pruned and are not submitted again
        long submitsBefore = journal.lines().filter(l -> l.contains("\"event\":\"submit\"")).count();
        SearchSummary again = p.run(s.searchDir());
        String after = Files.readString(s.searchDir().resolve(Journal.FILE_NAME));
        assertThat(after.lines().filter(l -> l.contains("\"event\":\"submit\"")).count()).isEqualTo(submitsBefore);
        assertThat(again.progress().pruned()).isEqualTo(2);
        assertThat(row(Project.table(again), 3)).containsEntry("status", "pruned");
    }

    @Test
    void aCoordinatorStoppedRightAfterAPruneDecisionRecordsThatRunAsPrunedOnResume() throws Exception {
        Project p = project(", \"pruner\": \"median\", \"pruner_warmup_steps\": 3");
        SearchSummary s = p.run();
        Path journalFile = s.searchDir().resolve(Journal.FILE_NAME);
        List<String> lines = Files.readAllLines(journalFile);
        int prune = -1;
        for (int i = 0; i < lines.size() && prune < 0; i++) {
            if (lines.get(i).contains("\"event\":\"prune\"")) {
                prune = i;
            }
        }
        assertThat(prune).as("the decision is journaled").isNotNegative();
        JournalEvent.Prune decision = (JournalEvent.Prune) JournalCodec.decode(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(prune))).orElseThrow();
        // as if the coordinator had stopped right after the decision: nothing after it was written
        Files.write(journalFile, lines.subList(0, prune + 1));
        SearchState cut = SearchState.replay(Journal.read(s.searchDir()));
        assertThat(cut.trial(decision.id()).status()).isEqualTo(TrialStatus.PRUNED);
        long submits = lines.subList(0, prune + 1).stream().filter(l -> l.contains("\"event\":\"submit\"")
                && l.contains("\"id\":" + decision.id() + ",")).count();

        SearchSummary again = p.run(s.searchDir());

        TrialRecord t = SearchState.replay(Journal.read(again.searchDir())).trial(decision.id());
        assertThat(t.status()).as("pruned, not cancelled").isEqualTo(TrialStatus.PRUNED);
        assertThat(t.metrics()).containsEntry(SearchState.LAST_STEP, (double) decision.step())
                .containsEntry(SearchState.LAST_VALUE, decision.value());
        assertThat(Files.readAllLines(journalFile).stream().filter(l -> l.contains("\"event\":\"submit\"")
                && l.contains("\"id\":" + decision.id() + ",")).count()).as("not run again").isEqualTo(submits);
    }

    @Test
    void ashaKeepsOnlyTheBestAtEachRung() throws Exception {
        // rungs at steps 4, 8, 16, 32 with eta 2: of the four, the two worst go at the first rung they are judged
        Project p = project(", \"pruner\": \"asha\", \"pruner_min_step\": 4, \"pruner_reduction_factor\": 2");
        SearchSummary s = p.run();

        assertThat(s.complete()).isTrue();
        List<String> table = Project.table(s);
        assertThat(row(table, 0)).containsEntry("status", "ok");
        assertThat(row(table, 3)).containsEntry("status", "pruned");
        assertThat(row(table, 3).get("failure_reason")).contains("asha");
        assertThat(s.progress().pruned()).isBetween(1, 3);
    }

    @Test
    void withoutAPrunerEveryRunGoesToItsEndAndTheTableIsAsBefore() throws Exception {
        Project p = project("");
        p.searchConfig = p.searchConfig.replace("\"max_active_points\": 4", "\"max_active_points\": 4, \"max_suggestions\": 2");
        SearchSummary s = p.run();

        List<String> table = Project.table(s);
        assertThat(table.get(0)).doesNotContain("last_step").doesNotContain("last_value");
        assertThat(table.subList(1, table.size())).allSatisfy(l -> assertThat(l).contains("\tok\t"));
        // nothing reads progress.jsonl: its garbled first line goes unmentioned
        assertThat(Files.readString(s.searchDir().resolve(SearchLog.FILE_NAME))).doesNotContain("pruner")
                .doesNotContain("skipped");
    }
}
