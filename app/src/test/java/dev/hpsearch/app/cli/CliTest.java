package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: exit statuses, one message per config problem, never a stack trace. */
class CliTest {
    @TempDir
    Path dir;
    Path search;
    Path job;
    Path model;

    @BeforeEach
    void project() throws Exception {
        search = dir.resolve("search_config.json");
        job = dir.resolve("job_config.json");
        model = dir.resolve("model_config.json");
        Files.writeString(dir.resolve("score.sh"), "echo 0.25 > output.json\n");
        Files.writeString(search, "{\"search_type\": \"grid\", \"max_active_points\": 2}");
        Files.writeString(job, "{\"environment_path\": \"sh\", \"script_path\": \"score.sh\", \"time\": 1}");
        Files.writeString(model, "{\"lr\": {\"type\": \"continuous\", \"domain\": [0.001, 1], \"transformation\": \"log\"}}");
    }

    private Cli cli(String command) {
        return Cli.run(command, "--search_config_path", search.toString(), "--job_config_path", job.toString(),
                "--model_config_path", model.toString());
    }

    @Test
    void versionComesFromTheBuildAsRecordedInEachRunsProvenance() {
        Cli c = Cli.run("--version");
        assertThat(c.status).isZero();
        assertThat(c.out.strip()).isEqualTo("hpsearch " + dev.hpsearch.optimizer.engine.HpSearchVersion.current())
                .doesNotContain("unknown").matches("hpsearch \\d+\\.\\d+\\.\\d+\\S* \\(commit [0-9a-f]{7,} of \\d{4}-\\d\\d-\\d\\d.*\\)");
    }

    @Test
    void configErrorsExitWithStatus2AndOneLinePerProblemWithoutStackTrace() throws Exception {
        Files.writeString(search, "{\"search_type\": \"gird\", \"max_suggestions\": 0, \"grid_suggestion_probability\": 1.5}");
        Files.writeString(model, "{\"lr\": {\"type\": \"continuous\", \"domain\": [1, 0.001], \"transformation\": \"log\"}}");

        Cli c = cli("run");

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains(search + ": $.search_type: got \"gird\"; allowed: line, grid, random, bopt")
                .contains(search + ": $.max_suggestions: got 0; must be >= 1")
                .contains(search + ": $.grid_suggestion_probability: got 1.5; allowed: [0, 1]")
                .contains(model + ": $.lr.domain: got [1,0.001]; the lower bound must be below the upper bound")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("hp_search_0")).doesNotExist();
    }

    @Test
    void validateRefusesAHyperparameterNamedLikeATableColumnAndOneWithATab() throws Exception {
        Files.writeString(model, "{\"status\": {\"type\": \"categorical\", \"domain\": [\"a\", \"b\"]},"
                + " \"opt\": {\"learning\\trate\": {\"type\": \"continuous\", \"domain\": [0.001, 1], \"transformation\": \"log\"}}}");

        Cli c = cli("validate");

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains("error: " + model + ": $.status: the hyperparameter name \"status\" is a column"
                        + " of hp_search_data.txt of its own; rename the key (names not allowed: combination_id, job_id,"
                        + " job_time, previous_results_count, search_type, is_queued, model_config_path, loss, status,"
                        + " failure_reason, failure_class, attempts, run_nodes, run_state, run_exit_code, run_elapsed_s,"
                        + " run_cpu_s, run_max_rss_mb, run_usage_from, script_sha256, input_sha256, hpsearch_version,"
                        + " replicate_of)")
                .contains("error: " + model + ": $.opt.learning\\trate: the hyperparameter name \"opt.learning\\trate\""
                        + " holds a tab;")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void validateSaysAConfigIsNotUtf8WithTheByteAndItsOffset() throws Exception {
        byte[] latin1 = "{\"search_type\": \"grid\", \"note\": \"d\u00e9j\u00e0 vu\"}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(search, latin1);

        Cli c = cli("validate");

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).startsWith("error: " + search + ": not UTF-8 text (byte 0xE9 at offset 34); save the file as UTF-8\n")
                .doesNotContain("Input length").doesNotContain("\tat ");
    }

    @Test
    void launchWithoutAClusterIsAConfigErrorAndConnectsNowhere() {
        Cli c = cli("launch");

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains("launch runs the search on a cluster").contains("hpsearch run");
        assertThat(dir.resolve("launched_hp_searches.txt")).doesNotExist();
    }

    @Test
    void launchRefusesAJarThatIsNotSelfContained() throws Exception {
        Path notAJar = dir.resolve("plain.jar");
        Files.writeString(notAJar, "not a jar");

        Cli c = Cli.run("launch", "--cluster", "CMS", "--jar", notAJar.toString(), "-s", search.toString(),
                "-j", job.toString(), "-m", model.toString());

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains(notAJar + " is not a jar").doesNotContain("\tat ");
    }

    @Test
    void onClusterNeedsACluster() {
        Cli c = Cli.run("run", "--on-cluster", "-s", search.toString(), "-j", job.toString(), "-m", model.toString());

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains("--on-cluster needs a cluster");
        assertThat(dir.resolve("hp_search_0")).doesNotExist();
    }

    @Test
    void jsonSyntaxErrorNamesFileLineAndColumn() throws Exception {
        Files.writeString(job, "{\n  \"environment_path\": \"sh\",\n  \"script_path\" \"score.sh\"\n}");

        Cli c = cli("validate");

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains(job + ": invalid JSON at line 3, column");
        assertThat(c.err).doesNotContain("\tat ");
    }

    @Test
    void missingScriptIsAConfigErrorBeforeAnythingRuns() throws Exception {
        Files.delete(dir.resolve("score.sh"));

        Cli c = cli("run");

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains("$.script_path: got \"score.sh\"; no such file");
    }

    @Test
    void validateRefusesAnEnvironmentPathThatIsAFolder() throws Exception {
        Files.createDirectory(dir.resolve("venv"));
        Files.writeString(job, "{\"environment_path\": \"./venv\", \"script_path\": \"score.sh\", \"time\": 1}");

        Cli c = cli("validate");

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains("$.environment_path: got \"./venv\"; " + dir.resolve("venv") + " is a folder, not a program")
                .doesNotContain("Exception");
    }

    @Test
    void validateRefusesAnEnvironmentPathThatIsNotExecutable() throws Exception {
        Path sh = Files.copy(Path.of("/bin/sh"), dir.resolve("mysh"));
        Files.setPosixFilePermissions(sh, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(job, "{\"environment_path\": \"./mysh\", \"script_path\": \"score.sh\", \"time\": 1}");

        Cli c = cli("validate");

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains("$.environment_path: got \"./mysh\"; " + sh + " is not executable");
        Files.setPosixFilePermissions(sh, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(cli("validate").status).isEqualTo(0);
    }

    @Test
    void unknownKeyIsAWarningThatSuggestsTheKnownKey() throws Exception {
        Files.writeString(search, "{\"search_type\": \"grid\", \"max_sugestions\": 5}");

        Cli c = cli("validate");

        assertThat(c.status).isEqualTo(0);
        assertThat(c.err).contains("warning: " + search + ": $.max_sugestions: unknown key, ignored; did you mean \"max_suggestions\"?");
        assertThat(c.out).contains("3 combination(s) in the grid plan");
    }

    @Test
    void runCompletesAndStatusListsTheCombinationsBestFirst() throws Exception {
        Cli run = cli("run");

        assertThat(run.status).as(run.err).isEqualTo(0);
        assertThat(run.out).contains("Search complete: every combination of the search space has been tried")
                .contains("hp_search_0/hp_search_data.txt");
        assertThat(Files.readAllLines(dir.resolve("hp_search_0/hp_search_data.txt"))).hasSize(4);
        assertThat(Files.readAllLines(dir.resolve("launched_hp_searches.txt"))).hasSize(2);

        Cli status = Cli.run("status", dir.resolve("hp_search_0").toString());
        assertThat(status.status).isEqualTo(0);
        assertThat(status.out).contains("3 combinations: 3 ok").contains("Best loss 0.25");
    }

    @Test
    void valuesWithTabsAndLineBreaksKeepTheTableAndTheStatusListingToOneLinePerCombination() throws Exception {
        Files.writeString(model, "{\"choice\": {\"type\": \"categorical\", \"domain\": [\"a\\tb\", \"line\\nbreak\", \"C:\\\\data\"]}}");

        Cli run = cli("run");

        assertThat(run.status).as(run.err).isEqualTo(0);
        String table = Files.readString(dir.resolve("hp_search_0/hp_search_data.txt"));
        assertThat(table.lines()).hasSize(4).allSatisfy(l -> assertThat(l.split("\t", -1))
                .hasSize(13 + dev.hpsearch.optimizer.table.TableColumns.PROVENANCE.size()));
        assertThat(dev.hpsearch.optimizer.analysis.ResultTable.parse(table).rows())
                .extracting(r -> r.values().get(0).asText()).containsExactlyInAnyOrder("a\tb", "line\nbreak", "C:\\data");
        Cli status = Cli.run("status", dir.resolve("hp_search_0").toString());
        assertThat(status.out).contains("a\\tb").contains("line\\nbreak").doesNotContain("a\tb", "line\nbreak");
    }

    @Test
    void secondLaunchGetsTheNextSearchId() {
        assertThat(cli("run").status).isEqualTo(0);
        assertThat(cli("run").status).isEqualTo(0);
        assertThat(dir.resolve("hp_search_1/hp_search_data.txt")).exists();
    }

    @Test
    void resumeOfSomethingThatIsNotASearchFolderSaysSo() {
        Cli c = Cli.run("resume", dir.toString());
        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains("is not an hpsearch search folder");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "validate", "status", "resume"}) {
            Cli c = Cli.run(command, "--help");
            assertThat(c.status).isEqualTo(0);
            assertThat(c.out).contains("Usage: hpsearch " + command);
        }
    }
}
