package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpsearch.app.testenv.ClusterProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two objectives and a constraint on the test cluster ({@code .ci/testenv.sh}): bopt (ParEGO) runs a real script
 * as Slurm jobs, the objectives come back as metrics of output.json, and status lists the feasible front.
 */
class ClusterMultiObjectiveIT {

    @TempDir
    Path tmp;

    @Test
    void boptWithTwoObjectivesRunsOnSlurmAndStatusListsTheFeasibleFront() throws Exception {
        ClusterProject p = ClusterProject.create(tmp, "multiobjective", "multiobjective");
        // objective x, cost 5 - x: every x is on the front; mem = x <= 3 leaves 0..3 feasible
        p.write("f.py",
                "import json, os, sys",
                "cfg = json.load(open(sys.argv[1]))",
                "x = cfg['x']",
                "json.dump({'objective': x, 'cost': 5 - x, 'mem': x},"
                        + " open(os.path.join(cfg['save_folder'], 'output.json'), 'w'))", "");
        p.write("job_config.json", "{\"environment_path\": \"python3\", \"script_path\": \"f.py\", \"time\": 0.2,"
                + " \"memory\": 1, \"cluster\": \"testcluster\"}");
        p.write("model_config.json", ClusterProject.discreteX(0, 1, 2, 3, 4, 5));
        p.write("search_config.json", "{\"search_type\": \"bopt\", \"max_suggestions\": 6, \"max_active_points\": 3,"
                + " \"min_initial_points\": 3, \"random_suggestion_probability\": 0, \"random_seed\": 3,"
                + " \"bopt_config\": {\"model_estimation_method\": \"MLE\"},"
                + " \"objectives\": [{\"name\": \"objective\", \"direction\": \"minimize\"},"
                + " {\"name\": \"cost\", \"direction\": \"minimize\"}], \"constraints\": [{\"name\": \"mem\", \"max\": 3}]}");

        Cli run = Cli.run(p.commandLine("run", "-q"));

        assertThat(run.status).as(run.err).isZero();
        Path searchDir = p.folder().resolve("hp_search_0");
        Cli status = Cli.run("status", searchDir.toString(), "--format", "json");
        assertThat(status.status).as(status.err).isZero();
        JsonNode pareto = new ObjectMapper().readTree(status.out).get("pareto");
        assertThat(pareto.get("runs_ok").asInt()).isEqualTo(6);
        assertThat(pareto.get("feasible").asInt()).isEqualTo(4);
        List<Integer> front = new ArrayList<>();
        pareto.get("front").forEach(m -> front.add(m.get("values").get("objective").asInt()));
        assertThat(front).containsExactly(0, 1, 2, 3);
        assertThat(pareto.get("hypervolume").asDouble()).isPositive();
    }
}
