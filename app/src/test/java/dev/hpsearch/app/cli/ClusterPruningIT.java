package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.ClusterProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early stopping on the test cluster ({@code .ci/testenv.sh}): a real script writes progress.jsonl in its folder
 * on the cluster, the coordinator reads the new lines of all running jobs with one command per poll, and the runs
 * the median pruner judges bad are stopped with scancel and recorded as pruned; the local folder gets their curves.
 */
class ClusterPruningIT {

    @TempDir
    Path tmp;

    @Test
    void medianPrunerStopsBadJobsWithScancel() throws Exception {
        ClusterProject p = ClusterProject.create(tmp, "pruning", "pruning");
        // the loss at step s is x + 1/(s+1): a larger x is worse at every step; 60 steps of 0.5 s
        p.write("train.py",
                "import json, os, sys, time",
                "cfg = json.load(open(sys.argv[1]))",
                "x = cfg['x']",
                "out = open(os.path.join(cfg['save_folder'], 'progress.jsonl'), 'a')",
                "for s in range(60):",
                "    out.write(json.dumps({'step': s, 'objective': x + 1.0 / (s + 1)}) + '\\n')",
                "    out.flush()",
                "    time.sleep(0.5)",
                "json.dump({'objective': x}, open(os.path.join(cfg['save_folder'], 'output.json'), 'w'))", "");
        p.write("job_config.json", "{\"environment_path\": \"python3\", \"script_path\": \"train.py\", \"time\": 0.2,"
                + " \"memory\": 1, \"cluster\": \"testcluster\"}");
        p.write("model_config.json", ClusterProject.discreteX(0, 1, 2, 3));
        p.write("search_config.json", "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 4,"
                + " \"max_active_points\": 4, \"pruner\": \"median\", \"pruner_warmup_steps\": 2}");

        Cli run = Cli.run(p.commandLine("run", "-q"));

        assertThat(run.status).as(run.err).isZero();
        Path searchDir = p.folder().resolve("hp_search_0");
        Map<Integer, Map<String, String>> rows = rowsByX(searchDir);
        assertThat(rows.get(0)).containsEntry("status", "ok");
        assertThat(rows.get(3)).containsEntry("status", "pruned");
        long step = (long) Double.parseDouble(rows.get(3).get("last_step"));
        assertThat(step).isBetween(2L, 58L);
        assertThat(rows.get(3).get("failure_reason")).contains("median");
        // the local folder holds the curve read from the cluster, up to the step it was stopped at
        Path curve = Path.of(rows.get(3).get("model_config_path")).getParent().resolve("progress.jsonl");
        assertThat(Files.readAllLines(curve)).hasSizeGreaterThan((int) step);
        String log = Files.readString(searchDir.resolve("log.txt"));
        assertThat(log).contains("pruner median").contains("stopping it");
        Cli status = Cli.run("status", searchDir.toString());
        assertThat(status.out).containsPattern("\\d+ pruned");
    }

    private static Map<Integer, Map<String, String>> rowsByX(Path searchDir) throws Exception {
        List<String> lines = Files.readAllLines(searchDir.resolve("hp_search_data.txt"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        Map<Integer, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < f.length ? f[i] : "");
            }
            rows.put((int) Double.parseDouble(row.get("x")), row);
        }
        return rows;
    }
}
