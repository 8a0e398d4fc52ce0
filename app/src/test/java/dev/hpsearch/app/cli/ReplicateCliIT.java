package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.JournalEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpsearch replicate} on real searches: its JSON, the table, choose's noise, bad input, and a kill -9. */
class ReplicateCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Runs a grid search of six x values; loss x plus a term of the seed; replicates (seed != 100) sleep. */
    private Path search(String replicateKey, double replicateSleep) throws Exception {
        Files.writeString(dir.resolve("f.py"), String.join("\n",
                "import json, sys, time",
                "cfg = json.load(open(sys.argv[1]))",
                "if cfg.get('seed', 100) != 100:",
                "    time.sleep(cfg['sleep'])",
                "loss = cfg['x'] + 0.05 * ((cfg.get('seed', 100) * 7919) % 11)",
                "json.dump({'objective': loss}, open('output.json', 'w'))", ""));
        Files.writeString(dir.resolve("search_config.json"), "{\"search_type\": \"grid\","
                + " \"num_grid_points_per_hyperparameter\": 6, \"max_active_points\": 3"
                + (replicateKey == null ? "" : ", \"replicate_key\": \"" + replicateKey + "\"") + "}");
        Files.writeString(dir.resolve("job_config.json"),
                "{\"environment_path\": \"python3\", \"script_path\": \"f.py\", \"time\": 1}");
        Files.writeString(dir.resolve("model_config.json"), "{\"x\": {\"type\": \"discrete\", \"domain\":"
                + " [0, 1, 2, 3, 4, 5], \"transformation\": \"linear\"}, \"seed\": 100, \"sleep\": " + replicateSleep + "}");
        Cli run = Cli.run("run", "-q", "--search_config_path", dir.resolve("search_config.json").toString(),
                "--job_config_path", dir.resolve("job_config.json").toString(),
                "--model_config_path", dir.resolve("model_config.json").toString());
        assertThat(run.status).as(run.err + run.out).isZero();
        return dir.resolve("hp_search_0");
    }

    private static ResultTable table(Path searchDir) throws Exception {
        return ResultTable.parse(Files.readString(searchDir.resolve("hp_search_data.txt")));
    }

    @Test
    void replicatesOfTheBestAreAppendedAndChooseMeasuresTheNoiseFromThem() throws Exception {
        Path searchDir = search("seed", 0);

        Cli r = Cli.run("replicate", searchDir.toString(), "--top", "2", "--n", "3", "--format", "json", "-q");

        assertThat(r.status).as(r.err).isZero();
        JsonNode root = JSON.readTree(r.out);
        assertThat(root.get("complete").asBoolean()).isTrue();
        List<String> made = new ArrayList<>();
        root.get("replicates").forEach(x -> made.add(x.get("combination_id").asInt() + " of "
                + x.get("replicate_of").asInt() + " seed " + x.get("replicate_value").asInt() + " "
                + x.get("status").asText()));
        assertThat(made).containsExactly("6 of 0 seed 101 ok", "7 of 0 seed 102 ok", "8 of 0 seed 103 ok",
                "9 of 1 seed 101 ok", "10 of 1 seed 102 ok", "11 of 1 seed 103 ok");
        assertThat(root.get("replicates").get(0).get("loss").asDouble()).isEqualTo(0.05 * ((101 * 7919) % 11));

        ResultTable t = table(searchDir);
        assertThat(t.rows()).extracting(ResultRow::replicateOf)
                .containsExactly(null, null, null, null, null, null, 0, 0, 0, 1, 1, 1);
        assertThat(Files.readAllLines(searchDir.resolve("hp_search_data.txt")).get(0)).contains("\treplicate_of");
        assertThat(Files.isDirectory(searchDir.resolve("hp_combination_11"))).isTrue();

        Cli status = Cli.run("status", searchDir.toString());
        assertThat(status.status).as(status.err).isZero();
        assertThat(status.out).contains("12");

        Cli choose = Cli.run("choose", searchDir.toString(), "--format", "json");
        assertThat(choose.status).as(choose.err).isZero();
        JsonNode noise = JSON.readTree(choose.out).get("noise");
        assertThat(noise.get("source").asText()).isEqualTo("replicates");
        assertThat(noise.get("df").asInt()).isEqualTo(6);
        assertThat(JSON.readTree(choose.out).get("settings").asInt()).isEqualTo(6);

        Cli text = Cli.run("replicate", searchDir.toString(), "--top", "1", "--n", "1", "-q");
        assertThat(text.status).as(text.err).isZero();
        assertThat(text.out).contains("1 replicate(s) run:").contains("combination 12: replicate of 0 with 104: ok");
    }

    @Test
    void badInputExitsTwoWithAClearMessageAndRunsNothing() throws Exception {
        Path searchDir = search(null, 0);
        String before = Files.readString(searchDir.resolve("hp_search_data.txt"));

        Cli noKey = Cli.run("replicate", searchDir.toString(), "--top", "2", "--n", "2");
        Cli zero = Cli.run("replicate", searchDir.toString(), "--top", "0", "--n", "2");
        Cli noSearch = Cli.run("replicate", dir.toString(), "--top", "1", "--n", "1");
        Cli format = Cli.run("replicate", searchDir.toString(), "--top", "1", "--n", "1", "--format", "xml");

        assertThat(noKey.status).isEqualTo(2);
        assertThat(noKey.err).contains("search_config.json: $.replicate_key: missing").contains("allowed: seed, sleep")
                .doesNotContain("Exception");
        assertThat(zero.status).isEqualTo(2);
        assertThat(zero.err).contains("got 0 and 2");
        assertThat(noSearch.status).isEqualTo(2);
        assertThat(noSearch.err).contains("holds no search");
        assertThat(format.status).isEqualTo(2);
        assertThat(Files.readString(searchDir.resolve("hp_search_data.txt"))).isEqualTo(before);
    }

    @Test
    void aKillDuringReplicatesThenResumeKeepsEveryFinishedResult() throws Exception {
        Path searchDir = search("seed", 1.0);
        Map<Integer, Double> before = losses(searchDir);
        assertThat(before).hasSize(6);

        Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "replicate", searchDir.toString(), "--top", "3", "--n", "2", "-q")
                .redirectErrorStream(true).redirectOutput(dir.resolve("replicate.txt").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (submittedReplicates(searchDir) < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("replicate.txt"))).isEqualTo(137);
        Cli again = Cli.run("replicate", searchDir.toString(), "--top", "1", "--n", "1");
        assertThat(again.status).isEqualTo(1);
        assertThat(again.err).contains("unfinished combination(s)").contains("hpsearch resume");

        Cli resumed = Cli.run("resume", "-q", searchDir.toString());

        assertThat(resumed.status).as(resumed.err + resumed.out).isZero();
        Map<Integer, Double> after = losses(searchDir);
        assertThat(after).containsAllEntriesOf(before).hasSize(12);
        assertThat(table(searchDir).rows()).extracting(ResultRow::replicateOf)
                .containsExactly(null, null, null, null, null, null, 0, 0, 1, 1, 2, 2);
    }

    private static long submittedReplicates(Path searchDir) throws Exception {
        List<Integer> replicates = Journal.read(searchDir, JournalEvent.Suggest.class).stream()
                .filter(JournalEvent.Suggest::isReplicate).map(JournalEvent.Suggest::id).toList();
        return Journal.read(searchDir, JournalEvent.Submit.class).stream()
                .filter(s -> replicates.contains(s.id())).count();
    }

    private static Map<Integer, Double> losses(Path searchDir) throws Exception {
        Map<Integer, Double> out = new TreeMap<>();
        for (ResultRow r : table(searchDir).rows()) {
            if (r.hasLoss()) {
                out.put(r.id(), r.loss());
            }
        }
        return out;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
