package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grid search with a conditional hyperparameter, run through the engine with a real script (decision 0026). */
class ConditionalSearchIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Fails (exit 3, so the run is not ok) when momentum is given to adam or missing for sgd, or when it holds
     * anything but the expected inactive value; else scores lr + momentum.
     */
    private static final String SCRIPT = String.join("\n",
            "import json, os, sys",
            "cfg = json.load(open(sys.argv[1]))",
            "inactive = json.loads(os.environ.get('EXPECT_INACTIVE', 'null'))",
            "opt = cfg['train']['optimizer']",
            "if opt == 'sgd' and not isinstance(cfg['train'].get('momentum'), float):",
            "    sys.exit('sgd without momentum: ' + json.dumps(cfg))",
            "if opt == 'adam':",
            "    if os.environ.get('EXPECT_INACTIVE') is None and 'momentum' in cfg['train']:",
            "        sys.exit('adam was given momentum: ' + json.dumps(cfg))",
            "    if os.environ.get('EXPECT_INACTIVE') is not None and cfg['train'].get('momentum', 'absent') != inactive:",
            "        sys.exit('adam without the inactive value: ' + json.dumps(cfg))",
            "m = cfg['train'].get('momentum') or 0",
            "json.dump({'objective': cfg['lr'] + m}, open(os.path.join(cfg['save_folder'], 'output.json'), 'w'))",
            "");

    @TempDir
    Path tmp;

    private Project project(String momentumExtra) throws Exception {
        Project p = new Project(tmp).script("python3", "check.py", SCRIPT, 1);
        p.searchConfig = "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 3, "
                + "\"max_active_points\": 3, \"random_seed\": 1}";
        p.modelConfig = "{\"train\": {\"optimizer\": {\"type\": \"categorical\", \"domain\": [\"adam\", \"sgd\"]},"
                + " \"momentum\": {\"type\": \"continuous\", \"domain\": [0.1, 0.9], \"transformation\": \"linear\","
                + " \"condition\": {\"train.optimizer\": [\"sgd\"]}" + momentumExtra + "}},"
                + " \"lr\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\": \"linear\"}}";
        return p;
    }

    @Test
    void gridLeavesTheInactiveKeyOutAndRunsEachDistinctCombinationOnce() throws Exception {
        SearchSummary s = project("").run();

        assertThat(s.complete()).isTrue();
        ResultTable table = ResultTable.parse(Files.readString(s.searchDir().resolve(DataTable.FILE_NAME)));
        // adam: lr 2 = 2; sgd: momentum 3 x lr 2 = 6; a grid without the condition would run 12
        assertThat(table.rows()).hasSize(8);
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.status()).as(r.reason()).isEqualTo("ok"));
        Set<List<JsonNode>> distinct = new HashSet<>();
        int adam = 0;
        for (ResultRow r : table.rows()) {
            assertThat(distinct.add(r.values())).as("repeated %s", r.values()).isTrue();
            JsonNode input = JSON.readTree(SearchFolder.inputJson(s.searchDir(), r.id()).toFile());
            if (r.values().get(0).asText().equals("adam")) {
                adam++;
                assertThat(input.get("train").has("momentum")).isFalse();
                assertThat(r.values().get(1).isNull()).as("empty momentum cell, read back as null").isTrue();
                assertThat(r.loss()).isEqualTo(r.values().get(2).asDouble());
            } else {
                assertThat(input.get("train").get("momentum").asDouble()).isEqualTo(r.values().get(1).asDouble());
            }
        }
        assertThat(adam).isEqualTo(2);
        List<String> lines = Project.table(s);
        List<String> header = List.of(lines.get(0).split("\t"));
        assertThat(lines.stream().skip(1).filter(l -> l.split("\t", -1)[header.indexOf("train.optimizer")].equals("adam"))
                .map(l -> l.split("\t", -1)[header.indexOf("train.momentum")])).containsOnly("");
    }

    @Test
    void inactiveValueIsWrittenWhereTheKeyWouldBeLeftOut() throws Exception {
        Project p = project(", \"inactive_value\": 0");
        SearchSummary s = runExpecting(p, "0");

        assertThat(s.complete()).isTrue();
        ResultTable table = ResultTable.parse(Files.readString(s.searchDir().resolve(DataTable.FILE_NAME)));
        assertThat(table.rows()).hasSize(8).allSatisfy(r -> assertThat(r.status()).as(r.reason()).isEqualTo("ok"));
        ResultRow adam = table.rows().stream().filter(r -> r.values().get(0).asText().equals("adam")).findFirst()
                .orElseThrow();
        JsonNode input = JSON.readTree(SearchFolder.inputJson(s.searchDir(), adam.id()).toFile());
        assertThat(input.get("train").get("momentum").asInt()).isZero();
    }

    /** Runs with the script told which inactive value to expect (through its environment). */
    private SearchSummary runExpecting(Project p, String inactive) throws Exception {
        Files.writeString(tmp.resolve("run.sh"), "#!/bin/sh\nEXPECT_INACTIVE='" + inactive + "' exec python3 "
                + tmp.resolve("check.py") + " \"$@\"\n");
        p.jobConfig = "{\"environment_path\": \"sh\", \"script_path\": \"run.sh\", \"time\": 1}";
        return p.run();
    }
}
