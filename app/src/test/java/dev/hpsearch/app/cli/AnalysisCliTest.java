package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpsearch sensitivity} and {@code choose} on a real search, on a metric, and on the original tool's table. */
class AnalysisCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    private static Path searchDir;

    @TempDir
    Path dir;

    /** A real random search (run once for all tests) of a script whose loss depends on a only and whose cost metric
     * depends on b only. */
    private static synchronized Path search() throws Exception {
        if (searchDir != null) {
            return searchDir;
        }
        searchDir = AnalysisInputs.randomSearch(shared, 40, 3, "{\"a\": {\"type\": \"continuous\", \"domain\": [0, 1],"
                + " \"transformation\": \"linear\"}, \"b\": {\"type\": \"continuous\", \"domain\": [0, 1],"
                + " \"transformation\": \"linear\", \"simpler\": \"lower\"}, \"kind\": {\"type\": \"categorical\", \"domain\": [\"x\", \"y\"]}}",
                "import json, math",
                "p = json.load(open('input.json'))",
                "loss = 3 * p['a'] + 0.1 * math.sin(6 * p['a'])",
                "json.dump({'objective': loss, 'cost': 2 * p['b'] ** 2}, open('output.json', 'w'))");
        return searchDir;
    }

    private static JsonNode parameter(JsonNode root, String name) {
        for (JsonNode p : root.get("parameters")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + root);
    }

    @Test
    void jsonOfARealSearchRanksTheInputTheLossDependsOnAndBoundsTheOthersNearZero() throws Exception {
        Path searchDir = search();

        Cli s = Cli.run("sensitivity", searchDir.toString(), "--format", "json");

        assertThat(s.status).as(s.err).isZero();
        JsonNode root = JSON.readTree(s.out);
        assertThat(root.get("metric").asText()).isEqualTo("loss");
        assertThat(root.get("n").asInt()).isEqualTo(40);
        assertThat(root.get("interval_level").asDouble()).isEqualTo(0.95);
        assertThat(root.at("/model/loo_r2").asDouble()).isGreaterThan(0.9);
        assertThat(root.get("parameters").get(0).get("name").asText()).isEqualTo("a");
        JsonNode a = parameter(root, "a");
        assertThat(a.at("/first_order/estimate").asDouble()).isGreaterThan(0.9);
        assertThat(a.at("/first_order/low").asDouble()).isLessThanOrEqualTo(a.at("/first_order/estimate").asDouble());
        assertThat(a.at("/total/high").asDouble()).isGreaterThanOrEqualTo(a.at("/total/estimate").asDouble());
        for (String idle : new String[] {"b", "kind"}) {
            assertThat(parameter(root, idle).at("/total/estimate").asDouble()).as(idle).isLessThan(0.05);
            assertThat(parameter(root, idle).at("/first_order/low").asDouble()).as(idle).isLessThanOrEqualTo(0.01);
        }
    }

    @Test
    void partialDependenceGivesLevelsForACategoricalInputAndAFollowsItsLine() throws Exception {
        Cli s = Cli.run("sensitivity", search().toString(), "--format", "json", "--partial-dependence");

        assertThat(s.status).as(s.err).isZero();
        JsonNode root = JSON.readTree(s.out);
        assertThat(root.at("/top_interaction/parameters")).hasSize(2);
        JsonNode a = null;
        JsonNode kind = null;
        for (JsonNode pd : root.get("partial_dependence")) {
            if (pd.get("name").asText().equals("a")) {
                a = pd;
            } else if (pd.get("name").asText().equals("kind")) {
                kind = pd;
            }
        }
        assertThat(kind.get("levels").asBoolean()).isTrue();
        assertThat(kind.get("at")).hasSize(2);
        assertThat(kind.get("at").get(0).asText()).isEqualTo("x");
        assertThat(a.get("levels").asBoolean()).isFalse();
        int last = a.get("at").size() - 1;
        // loss = 3 a + 0.1 sin(6 a): from about 0 at a = 0 to about 2.97 at a = 1
        assertThat(a.get("mean").get(0).asDouble()).isCloseTo(0, org.assertj.core.api.Assertions.within(0.15));
        assertThat(a.get("mean").get(last).asDouble()).isCloseTo(3 + 0.1 * Math.sin(6), org.assertj.core.api.Assertions.within(0.15));
        for (int g = 0; g <= last; g++) {
            assertThat(a.get("low").get(g).asDouble()).isLessThanOrEqualTo(a.get("mean").get(g).asDouble());
            assertThat(a.get("high").get(g).asDouble()).isGreaterThanOrEqualTo(a.get("mean").get(g).asDouble());
        }
    }

    @Test
    void aMetricIsAResponseOfItsOwn() throws Exception {
        Path searchDir = search();

        Cli s = Cli.run("sensitivity", searchDir.toString(), "--metric", "cost", "--format", "json");

        assertThat(s.status).as(s.err).isZero();
        JsonNode root = JSON.readTree(s.out);
        assertThat(root.get("metric").asText()).isEqualTo("cost");
        assertThat(root.get("parameters").get(0).get("name").asText()).isEqualTo("b");

        Cli text = Cli.run("sensitivity", searchDir.toString(), "--metric", "cost");
        assertThat(text.out).contains("Sensitivity of cost").contains("leave-one-out R²").contains("first order (95 %)");
    }

    @Test
    void anUnknownMetricIsAnErrorNamingTheKnownOnes() throws Exception {
        Path searchDir = search();

        Cli s = Cli.run("sensitivity", searchDir.toString(), "--metric", "accuracy");

        assertThat(s.status).isEqualTo(2);
        assertThat(s.err).contains("accuracy").contains("cost").doesNotContain("Exception");
    }

    @Test
    void readsTheOriginalToolsTable() throws Exception {
        Path file = AnalysisInputs.originalToolsTable(dir, 50);

        Cli s = Cli.run("sensitivity", file.toString(), "--format", "json");

        assertThat(s.status).as(s.err).isZero();
        JsonNode root = JSON.readTree(s.out);
        assertThat(root.get("n").asInt()).isEqualTo(50);
        assertThat(root.get("parameters").get(0).get("name").asText()).isEqualTo("lr");
    }

    @Test
    void aFolderWithoutResultsIsAClearError() {
        Cli s = Cli.run("sensitivity", dir.resolve("nothing_here").toString());

        assertThat(s.status).isEqualTo(2);
        assertThat(s.err).startsWith("error: ").doesNotContain("Exception");
    }

    @Test
    void chooseOnARealSearchGivesTiesOptimismAnEnsembleAndAReadyInputJson() throws Exception {
        Path searchDir = search();
        Path chosen = dir.resolve("chosen.json");
        Path ensemble = dir.resolve("ensemble.json");

        Cli c = Cli.run("choose", searchDir.toString(), "--format", "json", "--export", chosen.toString(),
                "--ensemble", ensemble.toString());

        assertThat(c.status).as(c.err).isZero();
        JsonNode root = JSON.readTree(c.out);
        assertThat(root.get("n").asInt()).isEqualTo(40);
        assertThat(root.at("/noise/source").asText()).isEqualTo("gp");
        int best = root.get("best").asInt();
        // b has no effect on the loss and "simpler": "lower": the proposed pick is the tie with the lowest b
        int proposed = root.at("/proposed/id").asInt();
        assertThat(root.get("pick").asInt()).isEqualTo(proposed);
        double lowestB = Double.POSITIVE_INFINITY;
        for (JsonNode t : root.get("ties")) {
            lowestB = Math.min(lowestB, t.at("/hyperparameters/b").asDouble());
        }
        JsonNode proposedInput = JSON.readTree(Files.readString(searchDir.resolve("hp_combination_" + proposed
                + "/input.json")));
        assertThat(proposedInput.get("b").asDouble()).isEqualTo(lowestB);
        assertThat(root.at("/proposed/why").asText()).contains(proposed == best ? "the best" : "simplest");
        JsonNode ties = root.get("ties");
        assertThat(ties.get(0).get("id").asInt()).isEqualTo(best);
        for (JsonNode t : ties) {
            assertThat(t.get("difference").asDouble()).isLessThanOrEqualTo(t.get("threshold").asDouble());
        }
        // lower is better: the best observed loss flatters, what to expect is no lower
        assertThat(root.at("/optimism/expected").asDouble()).isGreaterThanOrEqualTo(root.at("/optimism/observed").asDouble());
        double weights = 0;
        for (JsonNode m : root.get("ensemble")) {
            weights += m.get("weight").asDouble();
        }
        assertThat(weights).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));

        JsonNode input = JSON.readTree(Files.readString(chosen));
        JsonNode original = JSON.readTree(Files.readString(searchDir.resolve("hp_combination_" + proposed
                + "/input.json")));
        assertThat(input.get("a")).isEqualTo(original.get("a"));
        assertThat(input.get("kind")).isEqualTo(original.get("kind"));
        assertThat(input.has("save_folder")).isFalse();
        JsonNode members = JSON.readTree(Files.readString(ensemble)).get("members");
        assertThat(members).isNotEmpty();
        Set<String> keys = new HashSet<>();
        members.get(0).get("input").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("a", "b", "kind");
    }

    @Test
    void chooseInTextSaysWhereTheNoiseCameFromAndRemindsOfUntouchedTestData() throws Exception {
        Cli c = Cli.run("choose", search().toString());

        assertThat(c.status).as(c.err).isZero();
        assertThat(c.out).contains("the GP's estimate").contains("not significantly worse than the best")
                .contains("expect about").contains("untouched").contains("Ensemble");
    }

    @Test
    void chooseRefusesToPickACombinationWithoutAValue() throws Exception {
        Cli c = Cli.run("choose", search().toString(), "--pick", "999");

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains("999").doesNotContain("Exception");
    }
}
