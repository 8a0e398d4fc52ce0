package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two objectives and a constraint through the engine with a real script, locally: the objectives come from
 * output.json's metrics, and hpsearch status lists the Pareto front of the feasible runs with its hypervolume.
 */
class MultiObjectiveCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECTIVES = "\"objectives\": [{\"name\": \"objective\", \"direction\": \"minimize\"},"
            + " {\"name\": \"cost\", \"direction\": \"minimize\"}], \"constraints\": [{\"name\": \"mem\", \"max\": 3}]";

    @TempDir
    Path dir;

    /** objective x + y, cost 5 - x + y, mem x: the front is y = 0, x <= 3 under mem <= 3. */
    private Path search(String searchConfig) throws Exception {
        Files.writeString(dir.resolve("f.py"), String.join("\n",
                "import json, sys",
                "cfg = json.load(open(sys.argv[1]))",
                "x, y = cfg['x'], cfg['y']",
                "json.dump({'objective': x + y, 'cost': 5 - x + y, 'mem': x}, open('output.json', 'w'))", ""));
        Files.writeString(dir.resolve("search_config.json"), searchConfig);
        Files.writeString(dir.resolve("job_config.json"),
                "{\"environment_path\": \"python3\", \"script_path\": \"f.py\", \"time\": 1}");
        Files.writeString(dir.resolve("model_config.json"), "{\"x\": {\"type\": \"discrete\", \"domain\":"
                + " [0, 1, 2, 3, 4, 5], \"transformation\": \"linear\"}, \"y\": {\"type\": \"discrete\", \"domain\":"
                + " [0, 1], \"transformation\": \"linear\"}}");
        Cli run = Cli.run("run", "-q", "--search_config_path", dir.resolve("search_config.json").toString(),
                "--job_config_path", dir.resolve("job_config.json").toString(),
                "--model_config_path", dir.resolve("model_config.json").toString());
        assertThat(run.status).as(run.err + run.out).isZero();
        return dir.resolve("hp_search_0");
    }

    @Test
    void aGridSearchRecordsTheObjectivesAndStatusListsTheFeasibleFront() throws Exception {
        Path searchDir = search("{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 6,"
                + " \"max_active_points\": 4, " + OBJECTIVES + "}");

        Cli json = Cli.run("status", searchDir.toString(), "--format", "json");
        assertThat(json.status).as(json.err).isZero();
        JsonNode p = JSON.readTree(json.out).get("pareto");
        assertThat(p.get("runs_ok").asInt()).isEqualTo(12);
        assertThat(p.get("feasible").asInt()).isEqualTo(8);
        List<String> front = new ArrayList<>();
        p.get("front").forEach(m -> front.add(m.get("values").get("objective").asInt() + "/"
                + m.get("values").get("cost").asInt()));
        assertThat(front).containsExactly("0/5", "1/4", "2/3", "3/2");
        // feasible objective 0..4, cost 2..6: reference (4 + 0.4, 6 + 0.4); staircase 4.4*1.4 + 3.4 + 2.4 + 1.4
        assertThat(p.get("reference_point").get(0).asDouble()).isCloseTo(4.4, within(1e-9));
        assertThat(p.get("reference_point").get(1).asDouble()).isCloseTo(6.4, within(1e-9));
        assertThat(p.get("hypervolume").asDouble()).isCloseTo(13.36, within(1e-9));
        assertThat(p.get("hypervolume_standard_error").asDouble()).isZero();

        Cli text = Cli.run("status", searchDir.toString());
        assertThat(text.status).as(text.err).isZero();
        assertThat(text.out).contains("Pareto front of objective (minimize), cost (minimize): 4 of 8 feasible runs"
                + " (of 12 ok), constraints mem <= 3.0").contains("Hypervolume 13.36 up to the reference point (4.4, 6.4)");

        // the report gives the same front, its plot and the settings of the runs on it
        Path html = searchDir.resolve("report.html");
        Cli report = Cli.run("report", searchDir.toString(), "--out", html.toString());
        assertThat(report.status).as(report.err).isZero();
        String page = Files.readString(html);
        int start = page.indexOf("<section id=\"pareto\">");
        assertThat(start).as("a Pareto section").isPositive();
        String section = page.substring(start, page.indexOf("</section>", start));
        assertThat(section).contains("Pareto front of objective (minimize), cost (minimize): 4 of 8 feasible runs"
                        + " (of 12 ok), constraints mem &lt;= 3.0")
                .contains("Hypervolume 13.36 up to the reference point (4.4, 6.4)")
                .contains("<svg").contains("objective (minimize)").contains("cost (minimize)");
        assertThat(java.util.regex.Pattern.compile("<tr><td class=\"num\">\\d+</td>").matcher(section).results()
                .count()).as("one row per run on the front").isEqualTo(4);
    }

    @Test
    void boptOptimizesBothObjectivesThroughItsModel() throws Exception {
        Path searchDir = search("{\"search_type\": \"bopt\", \"max_suggestions\": 10, \"max_active_points\": 2,"
                + " \"min_initial_points\": 4, \"random_suggestion_probability\": 0, \"random_seed\": 5,"
                + " \"bopt_config\": {\"model_estimation_method\": \"MLE\"}, " + OBJECTIVES + "}");

        String table = Files.readString(searchDir.resolve("hp_search_data.txt"));
        assertThat(table).containsPattern("(ExpQuad|RatQuad|Matern52)_(EI|MPI|LCB)_MLE");
        Cli json = Cli.run("status", searchDir.toString(), "--format", "json");
        assertThat(json.status).as(json.err).isZero();
        JsonNode p = JSON.readTree(json.out).get("pareto");
        assertThat(p.get("runs_ok").asInt()).isEqualTo(10);
        assertThat(p.get("front").size()).isPositive();
        p.get("front").forEach(m -> assertThat(m.get("values").get("objective").asDouble())
                .as("feasible: mem = x <= 3").isLessThanOrEqualTo(4));
        assertThat(p.get("hypervolume").asDouble()).isPositive();
    }

    @Test
    void aSingleScoreUnderAConstraintNeverReportsAnInfeasibleRunAsBest() throws Exception {
        // the score x + y is best at x = 0, but mem = x >= 2 excludes x = 0 and 1: the best feasible is x = 2, y = 0
        String constraint = "\"constraints\": [{\"name\": \"mem\", \"min\": 2}]";
        Path grid = search("{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 6,"
                + " \"max_active_points\": 4, " + constraint + "}");

        Cli json = Cli.run("status", grid.toString(), "--format", "json");
        assertThat(json.status).as(json.err).isZero();
        assertThat(JSON.readTree(json.out).get("best").get("loss").asDouble()).isEqualTo(2.0);
        Cli text = Cli.run("status", grid.toString());
        assertThat(text.status).as(text.err).isZero();
        assertThat(text.out).contains("Best loss 2.00000");

        Path bopt = dir.resolve("bopt");
        Files.createDirectories(bopt);
        Files.copy(dir.resolve("f.py"), bopt.resolve("f.py"));
        Files.copy(dir.resolve("job_config.json"), bopt.resolve("job_config.json"));
        Files.copy(dir.resolve("model_config.json"), bopt.resolve("model_config.json"));
        Files.writeString(bopt.resolve("search_config.json"), "{\"search_type\": \"bopt\", \"max_suggestions\": 8,"
                + " \"max_active_points\": 2, \"min_initial_points\": 4, \"random_suggestion_probability\": 0,"
                + " \"random_seed\": 3, \"bopt_config\": {\"model_estimation_method\": \"MLE\"}, " + constraint + "}");
        Cli run = Cli.run("run", "-q", "--search_config_path", bopt.resolve("search_config.json").toString(),
                "--job_config_path", bopt.resolve("job_config.json").toString(),
                "--model_config_path", bopt.resolve("model_config.json").toString());
        assertThat(run.status).as(run.err + run.out).isZero();
        Cli boptJson = Cli.run("status", bopt.resolve("hp_search_0").toString(), "--format", "json");
        assertThat(boptJson.status).as(boptJson.err).isZero();
        JsonNode best = JSON.readTree(boptJson.out).get("best");
        assertThat(best.get("loss").asDouble()).as(boptJson.out).isGreaterThanOrEqualTo(2.0);
        List<String> table = Files.readAllLines(bopt.resolve("hp_search_0").resolve("hp_search_data.txt"));
        assertThat(String.join("\n", table)).as("the model proposed through the probability of feasibility")
                .containsPattern("(ExpQuad|RatQuad|Matern52)_(EI|MPI|LCB)_MLE");
        List<String> header = List.of(table.get(0).split("\t", -1));
        String bestRow = table.stream().filter(l -> l.startsWith(best.get("id").asInt() + "\t")).findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(bestRow.split("\t", -1)[header.indexOf("x")])).as("best is feasible: mem = x >= 2")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutObjectivesStatusPrintsNoFront() throws Exception {
        Path searchDir = search("{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 6}");

        Cli text = Cli.run("status", searchDir.toString());
        Cli json = Cli.run("status", searchDir.toString(), "--format", "json");

        assertThat(text.out).doesNotContain("Pareto").contains("Best loss 0.00000 (combination 0)");
        assertThat(JSON.readTree(json.out).has("pareto")).isFalse();
        assertThat(JSON.readTree(json.out).get("best").get("loss").asDouble()).isZero();
    }

    @Test
    void aNameNoRunReportedIsPointedOut() throws Exception {
        Path searchDir = search("{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 2,"
                + " \"objectives\": [{\"name\": \"objective\", \"direction\": \"minimize\"},"
                + " {\"name\": \"costs\", \"direction\": \"minimize\"}]}");

        Cli text = Cli.run("status", searchDir.toString());
        Cli json = Cli.run("status", searchDir.toString(), "--format", "json");

        assertThat(text.out).contains("No ok run reported costs in its output.json; the runs reported: cost, mem,"
                + " objective. Check the names in search_config.json.").contains("No feasible run with every objective");
        assertThat(JSON.readTree(json.out).get("pareto").get("unreported_names").toString()).isEqualTo("[\"costs\"]");
    }

    @Test
    void aBadFormatIsRefused() throws Exception {
        Path searchDir = search("{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 2}");

        Cli c = Cli.run("status", searchDir.toString(), "--format", "xml");

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains("--format: got \"xml\"; allowed: text, json");
    }
}
