package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real searches of real scripts (Python, Perl, shell) through the engine and the local executor. */
class LocalSearchIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static final String PYTHON_SQUARE = String.join("\n",
            "import json, os, sys",
            "cfg = json.load(open(sys.argv[1]))",
            "loss = cfg['x'] ** 2 + cfg['k'] + cfg['c']",
            "json.dump({'objective': loss, 'k_seen': cfg['k']}, open(os.path.join(cfg['save_folder'], 'output.json'), 'w'))",
            "print('trained with', cfg['x'])");

    @Test
    void pythonGridRecordsEveryCombinationWithTheScriptsScore() throws Exception {
        SearchSummary s = new Project(tmp).script("python3", "square.py", PYTHON_SQUARE, 1).run();

        assertThat(s.complete()).isTrue();
        List<String> rows = Project.table(s);
        assertThat(rows).hasSize(1 + 9);
        List<String> header = Arrays.asList(rows.get(0).split("\t"));
        assertThat(header).startsWith("combination_id", "job_id", "job_time", "previous_results_count", "search_type",
                "is_queued", "model_config_path", "loss", "x", "k");
        assertThat(header).contains("status", "failure_reason", "k_seen");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            double x = Double.parseDouble(f[header.indexOf("x")]);
            double k = Double.parseDouble(f[header.indexOf("k")]);
            assertThat(Double.parseDouble(f[header.indexOf("loss")])).isCloseTo(x * x + k + 10, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f[header.indexOf("status")]).isEqualTo("ok");
            assertThat(f[header.indexOf("search_type")]).isEqualTo("grid");
            assertThat(f[header.indexOf("is_queued")]).isEqualTo("True");
        }
        Path combo = s.searchDir().resolve("hp_combination_4");
        JsonNode input = JSON.readTree(combo.resolve("input.json").toFile());
        assertThat(input.get("save_folder").asText()).isEqualTo(combo.toString());
        assertThat(input.get("c").asInt()).isEqualTo(10);
        assertThat(Files.readString(combo.resolve("log.txt"))).contains("trained with");
        assertThat(s.progress().best().loss()).isEqualTo(11.0);
    }

    @Test
    void perlScriptRunsWithItsListOutput() throws Exception {
        String perl = String.join("\n",
                "use strict; use JSON::PP;",
                "open(my $fh, '<', $ARGV[0]) or die; local $/; my $cfg = decode_json(<$fh>); close $fh;",
                "open(my $out, '>', \"$cfg->{save_folder}/output.json\") or die;",
                "print $out encode_json([$cfg->{x} * 2, 99]); close $out;");
        Project p = new Project(tmp).script("perl", "double.pl", perl, 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2, 3, 4], \"transformation\": \"linear\"}}";
        p.searchConfig = "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 4}";
        SearchSummary s = p.run();

        assertThat(losses(s)).containsExactly(2.0, 4.0, 6.0, 8.0);
    }

    @Test
    void everyFailureKindIsRecordedWithItsReasonAndTheSearchGoesOn() throws Exception {
        // the script's behaviour is chosen by the categorical hyperparameter
        String sh = String.join("\n",
                "#!/bin/sh",
                "mode=$(sed -n 's/.*\"mode\" *: *\"\\([a-z]*\\)\".*/\\1/p' \"$1\")",
                "case \"$mode\" in",
                "  ok) echo 0.5 > output.json ;;",
                "  crash) echo 'something broke' >&2; exit 3 ;;",
                "  none) echo 'no score for this analysis' ;;",
                "  garbled) echo '{\"objective\": 0.1,' > output.json ;;",
                "  nan) echo '{\"objective\": NaN}' > output.json ;;",
                "  text) echo '{\"objective\": \"low\"}' > output.json ;;",
                "  signal) kill -9 $$ ;;",
                "esac");
        Project p = new Project(tmp).script("sh", "modes.sh", sh, 1);
        p.modelConfig = "{\"mode\": {\"type\": \"categorical\", \"domain\": [\"ok\", \"crash\", \"none\", \"garbled\", "
                + "\"nan\", \"text\", \"signal\"]}}";
        SearchSummary s = p.run();

        Map<String, String[]> byMode = rowsBy(s, "mode");
        assertThat(status(byMode.get("ok"), s)).isEqualTo("ok");
        assertThat(status(byMode.get("crash"), s)).isEqualTo("failed");
        assertThat(reason(byMode.get("crash"), s)).isEqualTo("exit code 3");
        assertThat(status(byMode.get("none"), s)).isEqualTo("no_score");
        assertThat(reason(byMode.get("none"), s)).isEqualTo("no output.json");
        assertThat(reason(byMode.get("garbled"), s)).startsWith("output.json is not valid JSON at line 2");
        assertThat(reason(byMode.get("nan"), s)).isEqualTo("\"objective\" in output.json is NaN");
        assertThat(reason(byMode.get("text"), s)).contains("\"low\"").contains("expected a number");
        assertThat(reason(byMode.get("signal"), s)).isEqualTo("killed by signal 9 (SIGKILL)");
        assertThat(Files.readString(s.searchDir().resolve("hp_combination_1/log.txt"))).contains("something broke");
        assertThat(Files.readString(s.searchDir().resolve("log.txt"))).contains("combination 1 failed: exit code 3");
    }

    @Test
    void aRunPastItsTimeLimitIsKilledWithItsWholeProcessTree() throws Exception {
        String sh = String.join("\n",
                "sleep 300 &",
                "echo $! > child.pid",
                "wait");
        Project p = new Project(tmp).script("sh", "slow.sh", sh, 1.0 / 3600); // one second
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1], \"transformation\": \"linear\"}}";
        SearchSummary s = p.run();

        Map<String, String[]> rows = rowsBy(s, "x");
        assertThat(status(rows.get("1"), s)).isEqualTo("failed");
        assertThat(reason(rows.get("1"), s)).startsWith("killed after running past its time limit of 1.0 s");
        long child = Long.parseLong(Files.readString(s.searchDir().resolve("hp_combination_0/child.pid")).trim());
        // the grandchild got SIGTERM with its parent; give the kernel a moment to reap it
        long deadline = System.currentTimeMillis() + 5000;
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void daemonsThatLeftTheRunsProcessTreeAreKilledWithIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
        // a double-forked daemon and a setsid one, both re-parented away from the run, both deaf to SIGTERM
        String sh = String.join("\n",
                "echo \"$HPSEARCH_RUN\" > mark.txt",
                "( ( trap '' TERM; exec sleep 300 ) & )",
                "setsid sh -c \"trap '' TERM; exec sleep 301\" &",
                "sleep 300");
        Project p = new Project(tmp).script("sh", "daemons.sh", sh, 1.0 / 3600); // one second
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1], \"transformation\": \"linear\"}}";
        SearchSummary s = p.run();

        assertThat(reason(rowsBy(s, "x").get("1"), s)).startsWith("killed after running past its time limit");
        String mark = Files.readString(s.searchDir().resolve("hp_combination_0/mark.txt")).trim();
        assertThat(mark).isEqualTo(s.searchDir().resolve("hp_combination_0").toString());
        // killed processes may wait a moment to be reaped; poll with a deadline
        long deadline = System.currentTimeMillis() + 5000;
        List<Long> left = carrying("HPSEARCH_RUN=" + mark);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            left = carrying("HPSEARCH_RUN=" + mark);
        }
        assertThat(left).as("processes still carrying the run's mark").isEmpty();
    }

    /** Live processes whose environment holds the entry, from /proc/PID/environ. */
    private static List<Long> carrying(String entry) throws Exception {
        List<Long> out = new ArrayList<>();
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), d -> d.getFileName().toString().matches("\\d+"))) {
            for (Path d : dirs) {
                try {
                    String env = new String(Files.readAllBytes(d.resolve("environ")), java.nio.charset.StandardCharsets.UTF_8);
                    if (Arrays.asList(env.split("\u0000")).contains(entry)) {
                        out.add(Long.parseLong(d.getFileName().toString()));
                    }
                } catch (java.io.IOException e) {
                    // ended meanwhile
                }
            }
        }
        return out;
    }

    @Test
    void neverRunsMoreThanMaxActivePointsAtOnce() throws Exception {
        String py = String.join("\n",
                "import json, os, sys, time",
                "cfg = json.load(open(sys.argv[1]))",
                "t0 = time.time(); time.sleep(0.3); t1 = time.time()",
                "json.dump({'objective': cfg['x'], 't0': t0, 't1': t1}, open('output.json', 'w'))");
        Project p = new Project(tmp).script("python3", "sleepy.py", py, 1);
        p.modelConfig = "{\"x\": {\"type\": \"continuous\", \"domain\": [0, 1], \"transformation\": \"linear\"}}";
        p.searchConfig = "{\"search_type\": \"random\", \"max_suggestions\": 9, \"max_active_points\": 3, \"random_seed\": 1}";
        SearchSummary s = p.run();

        List<double[]> spans = new ArrayList<>();
        for (String[] row : rowsBy(s, "combination_id").values()) {
            spans.add(new double[] {Double.parseDouble(col(row, s, "t0")), Double.parseDouble(col(row, s, "t1"))});
        }
        assertThat(spans).hasSize(9);
        int maxOverlap = 0;
        for (double[] a : spans) {
            int overlap = 0;
            for (double[] b : spans) {
                if (b[0] <= a[0] && a[0] < b[1]) {
                    overlap++;
                }
            }
            maxOverlap = Math.max(maxOverlap, overlap);
        }
        assertThat(maxOverlap).isBetween(2, 3);
    }

    @Test
    void theSameRandomSeedGivesTheSameCombinationsWhateverTheTiming() throws Exception {
        // each run, unseeded, ends at once or at the next tick of a 0.3 s wall clock: slots free up one or
        // several at a time, differently in every search
        String py = String.join("\n",
                "import json, random, sys, time",
                "cfg = json.load(open(sys.argv[1]))",
                "time.sleep(random.choice([0, 0.3 - time.time() % 0.3]))",
                "json.dump({'objective': cfg['x']}, open('output.json', 'w'))");
        Map<String, String> first = null;
        for (int search = 0; search < 4; search++) {
            Path project = Files.createDirectory(tmp.resolve("p" + search));
            Project p = new Project(project).script("python3", "jitter.py", py, 1);
            p.modelConfig = "{\"x\": {\"type\": \"continuous\", \"domain\": [0, 1], \"transformation\": \"linear\"},"
                    + " \"k\": {\"type\": \"discrete\", \"domain\": [1, 2, 3], \"transformation\": \"linear\"}}";
            p.searchConfig = "{\"search_type\": \"random\", \"max_suggestions\": 15, \"max_active_points\": 3,"
                    + " \"random_seed\": 7}";
            SearchSummary s = p.run();

            Map<String, String> combos = new TreeMap<>();
            for (Map.Entry<String, String[]> row : rowsBy(s, "combination_id").entrySet()) {
                combos.put(row.getKey(), col(row.getValue(), s, "x") + "," + col(row.getValue(), s, "k"));
            }
            assertThat(combos).hasSize(15);
            if (first == null) {
                first = combos;
            } else {
                assertThat(combos).as("search %d against the first", search).isEqualTo(first);
            }
        }
    }

    @Test
    void searchTimeStopsTheSearchAndCancelsWhatRuns() throws Exception {
        Project p = new Project(tmp).script("sh", "forever.sh", "sleep 30\n", 1);
        p.modelConfig = "{\"x\": {\"type\": \"continuous\", \"domain\": [0, 1], \"transformation\": \"linear\"}}";
        p.searchConfig = "{\"search_type\": \"random\", \"max_suggestions\": 50, \"max_active_points\": 2,"
                + " \"search_time\": 0.0003}";
        long t0 = System.nanoTime();
        SearchSummary s = p.run();

        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(15);
        assertThat(s.reason()).isEqualTo("search_time of 3.0E-4 h reached");
        List<String> rows = Project.table(s);
        List<String> header = Arrays.asList(rows.get(0).split("\t"));
        int ran = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            assertThat(f[header.indexOf("status")]).isEqualTo("cancelled");
            String reason = f[header.indexOf("failure_reason")];
            if (reason.equals("cancelled: search_time of 3.0E-4 h reached")) {
                ran++;
                assertThat(f[header.indexOf("is_queued")]).isEqualTo("True");
            } else {
                // prepared ahead of a free slot, never started
                assertThat(reason).isEqualTo("cancelled before it started: search_time of 3.0E-4 h reached");
                assertThat(f[header.indexOf("is_queued")]).isEqualTo("False");
            }
        }
        assertThat(ran).isEqualTo(2);
        assertThat(s.progress().cancelled()).isEqualTo(rows.size() - 1).isLessThanOrEqualTo(4);
    }

    @Test
    void grandchildrenOfACancelledRunDoNotKeepItAlive() throws Exception {
        // exhausting a 2-point space ends the search even though the strategy is asked for more
        Project p = new Project(tmp).script("python3", "square.py", PYTHON_SQUARE, 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\": \"linear\"},"
                + " \"k\": 0, \"c\": 0}";
        p.searchConfig = "{\"search_type\": \"random\", \"max_suggestions\": 10}";
        SearchSummary s = p.run();
        assertThat(s.reason()).isEqualTo("every combination of the search space has been tried");
        assertThat(losses(s)).containsExactlyInAnyOrder(1.0, 4.0);
    }

    @Test
    void aSecondCoordinatorOnTheSameSearchIsRefused() throws Exception {
        Project p = new Project(tmp).script("sh", "slow.sh", "sleep 2; echo 1 > output.json\n", 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\": \"linear\"}}";
        var c = p.configs();
        Path searchDir = SearchFiles.create(c);
        java.util.function.Supplier<SearchEngine> engine = () -> new SearchEngine(c.search(), c.job(), c.model(),
                searchDir, new dev.hpsearch.optimizer.exec.LocalProcessExecutor(), new dev.hpsearch.optimizer.strategy.GridStrategy(
                c.model().space(), 3), java.time.Clock.systemUTC(), new SearchListener() { });
        var first = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var done = first.submit(() -> engine.get().run());
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Files.exists(searchDir.resolve("journal.jsonl")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.get().run())
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("is being run by another coordinator");
            assertThat(done.get().progress().done()).isEqualTo(2);
        } finally {
            first.shutdownNow();
        }
    }

    @Test
    void cancellingOneCombinationRecordsItAndTheSearchGoesOn() throws Exception {
        Project p = new Project(tmp).script("sh", "maybe.sh",
                "grep -q '\"x\" : 1' \"$1\" && sleep 60; echo 2 > output.json\n", 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2, 3], \"transformation\": \"linear\"}}";
        var c = p.configs();
        Path searchDir = SearchFiles.create(c);
        SearchEngine[] engine = new SearchEngine[1];
        SearchListener cancelSlowOne = new SearchListener() {
            @Override
            public void onTrial(TrialRecord t) {
                if (t.id() == 0 && t.status() == TrialStatus.RUNNING) {
                    engine[0].cancel(0);
                }
            }
        };
        engine[0] = new SearchEngine(c.search(), c.job(), c.model(), searchDir,
                new dev.hpsearch.optimizer.exec.LocalProcessExecutor(), new dev.hpsearch.optimizer.strategy.GridStrategy(
                c.model().space(), 3), java.time.Clock.systemUTC(), cancelSlowOne);
        long t0 = System.nanoTime();
        SearchSummary s = engine[0].run();

        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
        assertThat(s.progress().cancelled()).isEqualTo(1);
        assertThat(s.progress().done()).isEqualTo(2);
        assertThat(engine[0].state().trial(0).reason()).isEqualTo("cancelled by the user");
    }

    @Test
    void aCombinationCancelledAfterItsOutputIsCompleteKeepsItsResult() throws Exception {
        Project p = new Project(tmp).script("sh", "late.sh",
                "echo '{\"objective\": 0.25}' > output.json; touch written; sleep 60\n", 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\": \"linear\"}}";
        p.searchConfig = "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 2, \"max_active_points\": 1}";
        var c = p.configs();
        Path searchDir = SearchFiles.create(c);
        SearchEngine engine = new SearchEngine(c.search(), c.job(), c.model(), searchDir,
                new dev.hpsearch.optimizer.exec.LocalProcessExecutor(), new dev.hpsearch.optimizer.strategy.GridStrategy(
                c.model().space(), 2), java.time.Clock.systemUTC(), new SearchListener() { });
        var thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var done = thread.submit(engine::run);
            for (int id = 0; id < 2; id++) {
                Path written = searchDir.resolve("hp_combination_" + id).resolve("written");
                long deadline = System.currentTimeMillis() + 20_000;
                while (!Files.exists(written) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
                engine.cancel(id);
            }
            SearchSummary s = done.get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(s.progress().done()).isEqualTo(2);
            assertThat(s.progress().cancelled()).isZero();
            for (String[] row : rowsBy(s, "x").values()) {
                assertThat(status(row, s)).isEqualTo("ok");
                assertThat(reason(row, s)).isEmpty();
                assertThat(col(row, s, "loss")).isEqualTo("0.25");
            }
            assertThat(Files.readString(searchDir.resolve("log.txt")))
                    .contains("combination 0: cancelled after it wrote its output.json; its result is kept");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void boptSearchOfARealScriptWithFailuresAndParallelRuns() throws Exception {
        String py = String.join("\n",
                "import json, sys",
                "cfg = json.load(open(sys.argv[1]))",
                "x, y = cfg['x'], cfg['y']",
                "if x > 0.85 or cfg['save_folder'].endswith('hp_combination_1'): sys.exit('diverged')",
                "json.dump({'objective': (x - 0.3) ** 2 + (y - 0.6) ** 2 + 0.01}, open('output.json', 'w'))");
        Project p = new Project(tmp).script("python3", "bowl.py", py, 1);
        p.modelConfig = "{\"x\": {\"type\": \"continuous\", \"domain\": [0, 1], \"transformation\": \"linear\"},"
                + " \"y\": {\"type\": \"continuous\", \"domain\": [0, 1], \"transformation\": \"linear\"}}";
        p.searchConfig = "{\"search_type\": \"bopt\", \"max_suggestions\": 16, \"max_active_points\": 3,"
                + " \"min_initial_points\": 5, \"random_seed\": 21, \"random_suggestion_probability\": 0,"
                + " \"bopt_config\": {\"model_estimation_method\": \"MLE\"}}";
        SearchSummary s = p.run();

        assertThat(s.complete()).isTrue();
        List<String> rows = Project.table(s);
        assertThat(rows).hasSize(17);
        List<String> header = Arrays.asList(rows.get(0).split("\t"));
        java.util.Set<String> combos = new java.util.HashSet<>();
        int modelBased = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            combos.add(f[header.indexOf("x")] + "," + f[header.indexOf("y")]);
            String type = f[header.indexOf("search_type")];
            assertThat(type).matches("random|(ExpQuad|RatQuad|Matern52)_(EI|MPI|LCB)_MLE");
            if (!type.equals("random")) {
                modelBased++;
            }
            if (Double.parseDouble(f[header.indexOf("x")]) > 0.85 || f[0].equals("1")) {
                assertThat(f[header.indexOf("status")]).isEqualTo("failed");
                assertThat(f[header.indexOf("failure_reason")]).isEqualTo("exit code 1");
            }
        }
        assertThat(combos).hasSize(16);
        assertThat(s.progress().failed()).isGreaterThanOrEqualTo(1);
        assertThat(modelBased).isGreaterThanOrEqualTo(8);
        // quality is measured by the benchmarks; here the model must at least find the bowl
        assertThat(s.progress().best().loss()).isLessThan(0.1);
    }

    private static List<Double> losses(SearchSummary s) throws Exception {
        List<Double> out = new ArrayList<>();
        for (String[] row : rowsBy(s, "combination_id").values()) {
            out.add(Double.parseDouble(col(row, s, "loss")));
        }
        return out;
    }

    private static Map<String, String[]> rowsBy(SearchSummary s, String column) throws Exception {
        List<String> rows = Project.table(s);
        int c = Arrays.asList(rows.get(0).split("\t")).indexOf(column);
        Map<String, String[]> out = new TreeMap<>((a, b) -> {
            try {
                return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        });
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            out.put(f[c], f);
        }
        return out;
    }

    private static String col(String[] row, SearchSummary s, String column) throws Exception {
        return row[Arrays.asList(Project.table(s).get(0).split("\t")).indexOf(column)];
    }

    private static String status(String[] row, SearchSummary s) throws Exception {
        return col(row, s, "status");
    }

    private static String reason(String[] row, SearchSummary s) throws Exception {
        return col(row, s, "failure_reason");
    }
}
