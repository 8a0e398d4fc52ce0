package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.JournalEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real coordinator process mid-search, then {@code hpsearch resume}: every finished result is
 * kept, nothing finished runs again, no combination id is reused, and runs that were going are adopted or
 * re-run.
 */
class ResumeAfterKillIT {
    @TempDir
    Path dir;

    @Test
    void killedCoordinatorResumesWithoutLosingOrRepeatingWork() throws Exception {
        Files.writeString(dir.resolve("work.py"), String.join("\n",
                "import json, sys, time",
                "cfg = json.load(open(sys.argv[1]))",
                "print('started', flush=True)",
                "time.sleep(0.8)",
                "json.dump({'objective': cfg['x'] * 1.5}, open('output.json', 'w'))"));
        Files.writeString(dir.resolve("search_config.json"),
                "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 12, \"max_active_points\": 2}");
        Files.writeString(dir.resolve("job_config.json"),
                "{\"environment_path\": \"python3\", \"script_path\": \"work.py\", \"time\": 1}");
        Files.writeString(dir.resolve("model_config.json"), "{\"x\": {\"type\": \"discrete\", \"domain\": "
                + "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], \"transformation\": \"linear\"}}");
        Path searchDir = dir.resolve("hp_search_0");

        Process coordinator = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "-q",
                "--search_config_path", dir.resolve("search_config.json").toString(),
                "--job_config_path", dir.resolve("job_config.json").toString(),
                "--model_config_path", dir.resolve("model_config.json").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("coordinator.txt").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (finishedIds(searchDir).size() < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        coordinator.destroyForcibly(); // SIGKILL
        assertThat(coordinator.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(coordinator.exitValue()).as(Files.readString(dir.resolve("coordinator.txt"))).isEqualTo(137);
        Set<Integer> finishedBeforeKill = finishedIds(searchDir);
        assertThat(finishedBeforeKill).hasSizeBetween(4, 11);

        Cli resumed = Cli.run("resume", "-q", searchDir.toString());

        assertThat(resumed.status).as(resumed.err + resumed.out).isEqualTo(0);
        List<String> rows = Files.readAllLines(searchDir.resolve("hp_search_data.txt"));
        assertThat(rows).hasSize(13);
        Set<String> ids = new HashSet<>();
        int status = List.of(rows.get(0).split("\t")).indexOf("status");
        int reason = List.of(rows.get(0).split("\t")).indexOf("failure_reason");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            ids.add(f[0]);
            assertThat(f[status]).as(row).isEqualTo("ok");
            // adopted runs end with an unknown exit status: a remark for the log, not a failure reason
            assertThat(f[reason]).as(row).isEmpty();
        }
        assertThat(ids).hasSize(12);
        try (var dirs = Files.list(searchDir)) {
            assertThat(dirs.filter(p -> p.getFileName().toString().startsWith("hp_combination_")).count()).isEqualTo(12);
        }
        for (int id : finishedBeforeKill) {
            assertThat(startedCount(searchDir, id)).as("combination %d finished before the kill", id).isEqualTo(1);
        }
        String log = Files.readString(searchDir.resolve("log.txt"));
        assertThat(log).contains("resuming: ");
        assertThat(log).containsPattern("re-attached to running job|re-queued");
    }

    private static long startedCount(Path searchDir, int id) throws Exception {
        Matcher m = Pattern.compile("started").matcher(Files.readString(searchDir.resolve("hp_combination_" + id + "/log.txt")));
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Set<Integer> finishedIds(Path searchDir) throws Exception {
        Set<Integer> ids = new HashSet<>();
        if (!Files.exists(searchDir)) {
            return ids;
        }
        for (JournalEvent.Finish e : Journal.read(searchDir, JournalEvent.Finish.class)) {
            ids.add(e.id());
        }
        return ids;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
