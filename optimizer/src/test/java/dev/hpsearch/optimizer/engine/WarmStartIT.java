package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real search started from an earlier real search and from an initial point, through the engine and the local
 * executor: the earlier rows are taken in, none of them runs again, the initial point runs first (decision 0024).
 */
class WarmStartIT {
    @TempDir
    Path tmp;

    /** Scores x^2 + k and appends one line per run to runs.txt in the project folder. */
    private static final String SCRIPT = String.join("\n",
            "import json, os, sys",
            "cfg = json.load(open(sys.argv[1]))",
            "open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'runs.txt'), 'a').write("
                    + "'%r %r\\n' % (cfg['x'], cfg['k']))",
            "json.dump({'objective': cfg['x'] ** 2 + cfg['k']}, open(os.path.join(cfg['save_folder'], 'output.json'), 'w'))");

    private static long folders(Path searchDir) throws Exception {
        try (Stream<Path> s = Files.list(searchDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("hp_combination_")).count();
        }
    }

    @Test
    void aSearchStartedFromAnEarlierOneRunsOnlyWhatIsNewAndTheInitialPointFirst() throws Exception {
        Project p = new Project(tmp).script("python3", "square.py", SCRIPT, 1);
        p.searchConfig = "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 3, \"max_active_points\": 2}";
        SearchSummary first = p.run();
        assertThat(first.complete()).isTrue();
        assertThat(Files.readAllLines(tmp.resolve("runs.txt"))).hasSize(9);

        // the second search: 5 points of x (the first search's 3 among them), an initial point, and an old table of
        // the original tool with a row outside the domain
        Files.writeString(tmp.resolve("original.txt"), "combination_id\tjob_id\tjob_time\tprevious_results_count\t"
                + "search_type\tis_queued\tmodel_config_path\tloss\tx\tk\n"
                + "0\t77\t1.5\t0\tgrid\tTrue\t/old/hp_combination_0/input.json\t3.25\t0.5\t3\n"
                + "1\t78\t1.5\t0\tgrid\tTrue\t/old/hp_combination_1/input.json\t9.0\t2.0\t1\n");
        p.searchConfig = "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 5, \"max_active_points\": 2,"
                + " \"max_suggestions\": 13, \"warm_start_from\": [\"hp_search_0\", \"original.txt\"],"
                + " \"initial_points\": [{\"x\": 0.25, \"k\": 2}]}";
        SearchSummary second = p.run();

        assertThat(second.complete()).isTrue();
        List<String> rows = Project.table(second);
        List<String> header = Arrays.asList(rows.get(0).split("\t"));
        List<String[]> cells = rows.subList(1, rows.size()).stream().map(r -> r.split("\t", -1)).toList();
        List<String[]> imported = cells.stream().filter(c -> c[header.indexOf("status")].equals("imported")).toList();
        // 9 from the first search and (0.5, 3) from the old table; (2.0, 1) lies outside x's domain [-1, 1]
        assertThat(imported).hasSize(10);
        assertThat(imported.get(0)[header.indexOf("failure_reason")])
                .isEqualTo(first.searchDir().resolve("hp_search_data.txt") + ", combination 0");
        assertThat(imported.get(9)[header.indexOf("failure_reason")])
                .isEqualTo(tmp.resolve("original.txt") + ", combination 0");
        // the 5 x 3 grid has 15 points, 10 of them scored before (the old table's (0.5, 3) is one): 5 run, plus the
        // initial point, first of all
        List<String[]> ran = cells.stream().filter(c -> !c[header.indexOf("status")].equals("imported")).toList();
        assertThat(ran).hasSize(6).allSatisfy(c -> assertThat(c[header.indexOf("status")]).isEqualTo("ok"));
        assertThat(ran.get(0)[header.indexOf("search_type")]).isEqualTo("initial");
        assertThat(ran.get(0)[header.indexOf("x")]).isEqualTo("0.25");
        assertThat(folders(second.searchDir())).isEqualTo(6);
        List<String> runs = Files.readAllLines(tmp.resolve("runs.txt"));
        assertThat(runs).hasSize(9 + 6).doesNotHaveDuplicates();
        assertThat(runs).contains("0.25 2");
        // run first: the first submission of the search is the initial point's (two run at once, so the order in
        // which the scripts wrote runs.txt is not the order they started)
        int initialId = Integer.parseInt(ran.get(0)[header.indexOf("combination_id")]);
        JournalEvent.Submit firstSubmit = Journal.read(second.searchDir()).stream()
                .filter(e -> e instanceof JournalEvent.Submit).map(e -> (JournalEvent.Submit) e).findFirst().orElseThrow();
        assertThat(firstSubmit.id()).isEqualTo(initialId);
        // max_suggestions 13 counts only the 6 runs: the imported rows did not use it up
        assertThat(second.reason()).isEqualTo("every combination of the search space has been tried");
        String log = Files.readString(second.searchDir().resolve("log.txt"));
        assertThat(log).contains("warm start: 10 row(s) taken in from 2 earlier search(es), 1 left out")
                .contains("warm start: not taken in: " + tmp.resolve("original.txt") + ", combination 1: x: got 2.0,"
                        + " outside the domain [-1, 1]");

        // resumed, nothing runs again: the imported rows are finished
        SearchSummary again = p.run(second.searchDir());
        assertThat(Files.readAllLines(tmp.resolve("runs.txt"))).hasSize(15);
        assertThat(Project.table(again)).hasSize(rows.size());
    }

    @Test
    void aSourceWhoseRowsCannotBeReadStartsNothing() throws Exception {
        Project p = new Project(tmp).script("python3", "square.py", SCRIPT, 1);
        // the header is a table's, so the config loads; a row's combination id is not a number
        Files.writeString(tmp.resolve("broken.txt"), "combination_id\tjob_id\tjob_time\tprevious_results_count\t"
                + "search_type\tis_queued\tmodel_config_path\tloss\tx\tk\nseven\t1\t1\t0\tgrid\tTrue\tp\t0.5\t0\t1\n");
        p.searchConfig = "{\"search_type\": \"grid\", \"warm_start_from\": [\"broken.txt\"]}";
        Path dir = SearchFiles.create(p.configs());

        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> p.run(dir));

        assertThat(e.getMessage()).startsWith("warm_start_from: ").contains("broken.txt is not a table of search results");
        assertThat(Journal.read(dir)).isEmpty();
        assertThat(tmp.resolve("runs.txt")).doesNotExist();
    }
}
