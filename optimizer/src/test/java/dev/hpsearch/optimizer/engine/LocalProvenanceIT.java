package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.exec.Provenance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of each local run: host, peak memory of a real process, CPU time, digests, version. */
class LocalProvenanceIT {

    /** Writes 120 MiB into memory (every page touched), holds it for a second, then reports a score. */
    private static final String SCRIPT = String.join("\n",
            "import json, sys, time",
            "cfg = json.load(open(sys.argv[1]))",
            "block = b'x' * (120 * 1024 * 1024)",
            "time.sleep(1.0)",
            "json.dump({'objective': cfg['k'] + len(block) % 7}, open(cfg['save_folder'] + '/output.json', 'w'))",
            "");

    @TempDir
    Path dir;

    @Test
    void eachLocalRunRecordsHostPeakMemoryDigestsAndVersion() throws Exception {
        Project p = new Project(dir).script("python3", "alloc.py", SCRIPT, 0.1);
        p.modelConfig = "{\"k\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\": \"linear\"}}";
        SearchSummary s = p.run();

        String table = Files.readString(s.searchDir().resolve(DataTable.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(table.lines().findFirst().orElseThrow().split("\t")).contains("run_nodes", "run_max_rss_mb",
                "script_sha256", "input_sha256", "hpsearch_version");
        List<ResultRow> rows = ResultTable.parse(table).rows();
        assertThat(rows).hasSize(2);
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        String scriptSha = sha256sum(dir.resolve("alloc.py"));
        for (ResultRow r : rows) {
            Provenance pr = r.provenance();
            assertThat(r.status()).isEqualTo("ok");
            assertThat(pr.nodes()).isEqualTo(host);
            assertThat(pr.state()).isEqualTo("COMPLETED");
            assertThat(pr.exitCode()).isEqualTo("0");
            assertThat(pr.usageFrom()).isEqualTo("local");
            assertThat(pr.elapsedSeconds()).isGreaterThanOrEqualTo(1.0);
            // at least what the script wrote into memory (the table rounds to 0.1 MiB)
            assertThat(pr.maxRssBytes()).isGreaterThanOrEqualTo(120L * 1024 * 1024);
            assertThat(pr.cpuSeconds()).isNotNull().isGreaterThan(0.0);
            assertThat(pr.scriptSha256()).isEqualTo(scriptSha);
            Path input = s.searchDir().resolve("hp_combination_" + r.id()).resolve("input.json");
            assertThat(pr.inputSha256()).isEqualTo(sha256sum(input));
            assertThat(pr.version()).isEqualTo(HpSearchVersion.current()).isNotEqualTo("unknown").isNotBlank();
        }

        // the journal holds the same record, from which the table is rebuilt
        List<JournalEvent.Finish> finishes = Journal.read(s.searchDir(), JournalEvent.Finish.class);
        assertThat(finishes).hasSize(2);
        for (JournalEvent.Finish e : finishes) {
            assertThat(e.provenance().nodes()).isEqualTo(host);
            assertThat(e.provenance().scriptSha256()).isEqualTo(scriptSha);
        }
        SearchState replayed = SearchState.replay(Journal.read(s.searchDir()));
        assertThat(replayed.trial(rows.get(0).id()).provenance().cells())
                .containsEntry("run_nodes", host).containsEntry("run_state", "COMPLETED");
    }

    /** The digest as the system's own sha256sum computes it, not this code's. */
    static String sha256sum(Path file) throws Exception {
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return out.split("\\s+")[0];
    }

}
