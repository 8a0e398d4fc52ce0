package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line shows of failure classes on this machine: {@code hpsearch run} with {@code max_failures}
 * exits 1 with the first error of a broken script, {@code hpsearch status} counts each class and shows each row's
 * attempts and class, and after the fix {@code hpsearch resume} runs what waited. Real scripts, real processes.
 */
class FailureClassCliIT {

    @TempDir
    Path tmp;

    @Test
    void maxFailuresStopsABrokenScriptWithExitOneStatusCountsTheClassesAndResumeFinishes() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("analysis.py"), String.join("\n",
                "import json, sys",
                "import numpyy",
                "json.dump(1, open('output.json', 'w'))", ""));
        Files.writeString(project.resolve("job_config.json"),
                "{\"environment_path\": \"python3\", \"script_path\": \"analysis.py\", \"time\": 0.1}");
        Files.writeString(project.resolve("model_config.json"),
                "{\"x\": {\"type\": \"discrete\", \"domain\": [0, 1, 2, 3, 4, 5], \"transformation\": \"linear\"}}");
        Files.writeString(project.resolve("search_config.json"), "{\"search_type\": \"grid\","
                + " \"num_grid_points_per_hyperparameter\": 6, \"max_active_points\": 1, \"max_failures\": 2}");
        Path searchDir = project.resolve("hp_search_0");

        Cli stopped = Cli.run("run", "-q", "-s", project.resolve("search_config.json").toString(),
                "-j", project.resolve("job_config.json").toString(), "-m", project.resolve("model_config.json").toString());

        assertThat(stopped.status).as(stopped.out + stopped.err).isEqualTo(1);
        assertThat(stopped.err).contains("error: the search stopped: 2 analyses failed, max_failures is 2")
                .contains("the first: combination 0: exit code 1")
                .contains("ModuleNotFoundError: No module named 'numpyy'")
                .contains(searchDir.resolve("hp_combination_0").resolve("log.txt").toString())
                .doesNotContain("Exception in").doesNotContain("\tat ");

        Cli status = Cli.run("status", searchDir.toString());
        assertThat(status.status).isZero();
        assertThat(status.out).contains(" combinations: 0 ok, 0 without score, 2 failed, 0 cancelled, 0 running, ")
                .contains("Without a score, by failure class: 2 script_error");
        List<String> lines = status.out.lines().toList();
        String header = lines.stream().filter(l -> l.startsWith("id ")).findFirst().orElseThrow();
        assertThat(header).contains("attempts").contains("class").contains("reason");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("0 ").contains("failed").contains(" 1 ")
                .contains("script_error"));

        Files.writeString(project.resolve("analysis.py"), String.join("\n",
                "import json, sys",
                "json.dump(json.load(open(sys.argv[1]))['x'], open('output.json', 'w'))", ""));
        Cli resumed = Cli.run("resume", "-q", searchDir.toString());

        assertThat(resumed.status).as(resumed.out + resumed.err).isZero();
        Cli after = Cli.run("status", searchDir.toString());
        assertThat(after.out).contains("6 combinations: 4 ok, 0 without score, 2 failed, 0 cancelled, 0 running, 0 queued");
    }
}
