package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.engine.DataTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script that writes 100 MB into output.json must not take the coordinator down: a real search, run by the
 * command line in a JVM of 256 MB that exits on running out of memory, records such a run (the score when it
 * comes first, a clear failure when it is missing or lies after a huge array) and goes on with the next one;
 * {@code resume} of a search killed while such a file waited to be read does the same.
 */
class LargeOutputIT {
    private static final long HUNDRED_MB = 100_000_000L;

    @TempDir
    Path dir;

    /** Writes output.json for the case named in input.json: huge ones of about 100 MB, or a small one. */
    private static final String SCRIPT = String.join("\n",
            "import json, os, sys, time",
            "cfg = json.load(open(sys.argv[1]))",
            "case = cfg['case']",
            "chunk = ', '.join(['0.123456789'] * 100000)",
            "def huge(f):",
            "    f.write('0')",
            "    while f.tell() < " + HUNDRED_MB + ":",
            "        f.write(', ' + chunk)",
            "with open('output.json', 'w') as f:",
            "    if case.startswith('first'):",
            "        f.write('[0.25, '); huge(f); f.write(']')",
            "    elif case == 'after':",
            "        f.write('{\"predictions\": ['); huge(f); f.write('], \"objective\": 0.5}')",
            "    elif case == 'missing':",
            "        f.write('{\"accuracy\": 0.8, \"predictions\": ['); huge(f); f.write(']}')",
            "    else:",
            "        json.dump({'objective': 0.75}, f)",
            "print('output.json has', os.path.getsize('output.json'), 'bytes', flush=True)",
            "if case.endswith('slow'):",
            "    open('written', 'w').close()",
            "    time.sleep(2)");

    private Path project(String name, String cases, int maxActive) throws Exception {
        Path p = Files.createDirectories(dir.resolve(name));
        Files.writeString(p.resolve("big.py"), SCRIPT);
        Files.writeString(p.resolve("search_config.json"), "{\"search_type\": \"grid\", \"max_active_points\": "
                + maxActive + "}");
        Files.writeString(p.resolve("job_config.json"),
                "{\"environment_path\": \"python3\", \"script_path\": \"big.py\", \"time\": 1}");
        Files.writeString(p.resolve("model_config.json"),
                "{\"case\": {\"type\": \"categorical\", \"domain\": " + cases + "}}");
        return p;
    }

    @Test
    void hundredMegabyteOutputsAreRecordedUnder256MbAndTheSearchGoesOn() throws Exception {
        Path p = project("grid", "[\"first\", \"after\", \"missing\", \"small\"]", 1);

        Process run = start(p, "run", "-q", "--search_config_path", p.resolve("search_config.json").toString(),
                "--job_config_path", p.resolve("job_config.json").toString(),
                "--model_config_path", p.resolve("model_config.json").toString());

        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output(p)).isEqualTo(0);
        Path searchDir = p.resolve("hp_search_0");
        assertThat(Files.size(searchDir.resolve("hp_combination_0/output.json"))).isGreaterThan(HUNDRED_MB);
        List<ResultRow> rows = rows(searchDir);
        assertThat(rows).hasSize(4);
        ResultRow first = row(rows, "first");
        assertThat(first.status()).isEqualTo("ok");
        assertThat(first.loss()).isEqualTo(0.25);
        // a row never says ok beside a failure_reason: the remark is in the search log
        assertThat(first.reason()).isEmpty();
        assertThat(Files.readString(searchDir.resolve("log.txt")))
                .containsPattern("combination \\d: output.json is 9\\d\\.\\d MiB; only its first 16 MiB were read");
        for (String c : List.of("after", "missing")) {
            ResultRow r = row(rows, c);
            assertThat(r.status()).as(c).isEqualTo("failed");
            assertThat(r.hasLoss()).as(c).isFalse();
            assertThat(r.reason()).as(c).matches("output.json is 9\\d\\.\\d MiB; only its first 16 MiB were read, and"
                    + " they hold no \"objective\" entry; write the score first, or keep large data out of output\\.json");
        }
        ResultRow small = row(rows, "small");
        assertThat(small.status()).as("the search went on").isEqualTo("ok");
        assertThat(small.loss()).isEqualTo(0.75);
        assertThat(Files.readString(searchDir.resolve("log.txt"))).contains("search ended: ");
    }

    @Test
    void hundredMegabyteOutputsOnTheClusterComeBackCappedAndAreRecordedUnder256Mb() throws Exception {
        Path clusters = dev.hpsearch.app.testenv.ClusterProject.clustersFile(dir, "large");
        Path p = project("cluster", "[\"first\", \"after\", \"small\"]", 2);
        Files.writeString(p.resolve("job_config.json"), "{\"environment_path\": \"python3\", \"script_path\": \"big.py\","
                + " \"time\": 0.2, \"memory\": 1, \"cluster\": \"testcluster\"}");

        Process run = start(p, "run", "-q", "--clusters-file", clusters.toString(),
                "--search_config_path", p.resolve("search_config.json").toString(),
                "--job_config_path", p.resolve("job_config.json").toString(),
                "--model_config_path", p.resolve("model_config.json").toString());

        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output(p)).isEqualTo(0);
        Path searchDir = p.resolve("hp_search_0");
        // only what the engine reads travels: 16 MiB and one byte, with the whole size noted beside it
        assertThat(Files.size(searchDir.resolve("hp_combination_0/output.json"))).isEqualTo(16L * 1024 * 1024 + 1);
        List<ResultRow> rows = rows(searchDir);
        assertThat(rows).hasSize(3);
        assertThat(row(rows, "first").status()).isEqualTo("ok");
        assertThat(row(rows, "first").loss()).isEqualTo(0.25);
        assertThat(row(rows, "after").status()).isEqualTo("failed");
        assertThat(row(rows, "after").reason()).matches("output.json is 9\\d\\.\\d MiB; only its first 16 MiB were read, and"
                + " they hold no \"objective\" entry; write the score first, or keep large data out of output\\.json");
        assertThat(row(rows, "small").loss()).as("the search went on").isEqualTo(0.75);
    }

    @Test
    void resumeCollectsHundredMegabyteOutputsUnder256Mb() throws Exception {
        Path p = project("resume", "[\"first-slow\", \"missing\", \"small\"]", 2);
        Process run = start(p, "run", "-q", "--search_config_path", p.resolve("search_config.json").toString(),
                "--job_config_path", p.resolve("job_config.json").toString(),
                "--model_config_path", p.resolve("model_config.json").toString());
        Path searchDir = p.resolve("hp_search_0");
        Path written = searchDir.resolve("hp_combination_0/written");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(written) && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(written).as(output(p)).exists();
        run.destroyForcibly(); // SIGKILL, while the 100 MB output.json waits to be read
        assertThat(run.waitFor(10, TimeUnit.SECONDS)).isTrue();

        Process resume = start(p, "resume", "-q", searchDir.toString());

        assertThat(resume.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resume.exitValue()).as(output(p)).isEqualTo(0);
        List<ResultRow> rows = rows(searchDir);
        assertThat(rows).hasSize(3);
        ResultRow first = row(rows, "first-slow");
        assertThat(first.status()).isEqualTo("ok");
        assertThat(first.loss()).isEqualTo(0.25);
        assertThat(row(rows, "missing").status()).isEqualTo("failed");
        assertThat(row(rows, "missing").reason()).contains("hold no \"objective\" entry");
        assertThat(row(rows, "small").loss()).isEqualTo(0.75);
        assertThat(Files.readString(searchDir.resolve("log.txt"))).contains("resuming: ").contains("search ended: ");
    }

    /** The command line in its own JVM of 256 MB, which exits at once if it runs out of memory. */
    private Process start(Path project, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(project.resolve("coordinator.txt").toFile())).start();
    }

    private static String output(Path project) throws Exception {
        Path f = project.resolve("coordinator.txt");
        Path log = project.resolve("hp_search_0/log.txt");
        return (Files.exists(f) ? Files.readString(f) : "") + (Files.exists(log) ? Files.readString(log) : "");
    }

    private static List<ResultRow> rows(Path searchDir) throws Exception {
        return ResultTable.parse(Files.readString(searchDir.resolve(DataTable.FILE_NAME))).rows();
    }

    private static ResultRow row(List<ResultRow> rows, String caseName) {
        return rows.stream().filter(r -> r.values().get(0).asText().equals(caseName)).findFirst().orElseThrow(
                () -> new AssertionError("no row for " + caseName + " in " + rows));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
