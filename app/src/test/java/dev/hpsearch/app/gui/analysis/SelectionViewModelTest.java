package dev.hpsearch.app.gui.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpsearch.app.cli.Main;
import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.Choice;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Simpler;
import dev.hpsearch.optimizer.space.Transformation;
import dev.hpsearch.optimizer.text.Numbers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Honest choice in the Selection view, without a toolkit, on real result rows and on a real search. */
class SelectionViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicReference<SelectionViewModel.Search> search = new AtomicReference<>();

    @TempDir
    Path tmp;

    private SelectionViewModel vm(ResultsModel results) {
        return vm(results, null);
    }

    private SelectionViewModel vm(ResultsModel results, SelectionViewModel.Replicator replicator) {
        return new SelectionViewModel(results, new DirectTaskRunner(), () -> Optional.ofNullable(search.get()),
                () -> tmp, replicator);
    }

    /**
     * Six settings of (lr, l2, act), each run three times: the loss rises by 0.01 per setting and varies by a noise
     * of standard deviation 0.02 between runs, so the first settings tie; l2 grows with the setting.
     */
    private static ResultsModel replicated(SearchSpace space) {
        SplittableRandom rng = new SplittableRandom(11);
        List<ResultRow> rows = new ArrayList<>();
        int id = 0;
        for (int s = 0; s < 6; s++) {
            double lr = Math.pow(10, -4 + 0.5 * s);
            double l2 = Math.pow(10, -5 + 0.8 * s);
            for (int r = 0; r < 3; r++) {
                double loss = 0.1 + 0.01 * s + 0.02 * gaussian(rng);
                rows.add(AnalysisRows.row(id++, loss, lr, l2, s % 2 == 0 ? "relu" : "tanh",
                        Map.of("accuracy", 0.9 - 0.01 * s + 0.005 * gaussian(rng))));
            }
        }
        ResultsModel m = new ResultsModel();
        m.show(AnalysisRows.NAMES, space, rows);
        return m;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static SearchSpace space() {
        return new SearchSpace(List.of(
                Hyperparameter.continuous("lr", 1e-5, 1, Transformation.LOG),
                Hyperparameter.continuous("l2", 1e-6, 1, Transformation.LOG),
                Hyperparameter.categorical("act", List.of(JsonFiles.STRICT.getNodeFactory().textNode("relu"),
                        JsonFiles.STRICT.getNodeFactory().textNode("tanh")))));
    }

    private static SelectionViewModel.SettingColumn column(SelectionViewModel vm, String header) {
        return vm.columns().stream().filter(c -> c.header().equals(header)).findFirst().orElseThrow();
    }

    @Test
    void withoutReplicatesTheNoiseIsTheGpsEstimateLabelledSoAndEverySettingIsListedBestFirst() {
        ResultsModel results = AnalysisRows.model(20);
        SelectionViewModel vm = vm(results);

        vm.analyse();

        assertThat(vm.runningProperty().get()).isFalse();
        Choice.Result c = vm.resultProperty().get();
        assertThat(c.noise().fromReplicates()).isFalse();
        assertThat(vm.noiseProperty().get()).contains("GP noise estimate — no replicates")
                .contains(Numbers.display(c.noise().sd())).doesNotContain("interval [");
        // 19 scored rows (row 3 failed), each its own setting, best first: row 0 has the lowest loss
        assertThat(vm.settings()).hasSize(19);
        assertThat(vm.settings().get(0).id()).isZero();
        assertThat(vm.settings()).extracting(r -> r.setting().replicates().length).containsOnly(1);
        for (int i = 1; i < vm.settings().size(); i++) {
            assertThat(vm.settings().get(i).setting().difference())
                    .isGreaterThanOrEqualTo(vm.settings().get(i - 1).setting().difference());
        }
        // the loss spans more than two orders of magnitude (0.01 to about 10): ties are judged on its log10, and
        // the table and the status say so; values stay in the loss's own units
        assertThat(c.logScale()).isTrue();
        assertThat(vm.statusProperty().get()).contains("on log10 of loss");
        assertThat(vm.columns()).extracting(SelectionViewModel.SettingColumn::header)
                .containsExactly("id", "loss", "worse by (log10)", "tie", "P(best) [95 %]", "runs", "lr", "l2", "act");
        SelectionViewModel.SettingRow best = vm.settings().get(0);
        assertThat(column(vm, "tie").text().apply(best)).startsWith("yes");
        assertThat(column(vm, "runs").text().apply(best)).isEqualTo("1");
        // a tiny regularization keeps its exponent on screen and every digit in copy
        assertThat(column(vm, "l2").text().apply(best)).isEqualTo("7.8e-06");
        assertThat(column(vm, "l2").full().apply(best)).isEqualTo("7.79988e-6");
        assertThat(column(vm, "loss").text().apply(best)).isEqualTo("0.01");
        String pBest = column(vm, "P(best) [95 %]").text().apply(best);
        assertThat(pBest).isEqualTo(Numbers.display(best.setting().probabilityBest()) + " ["
                + Numbers.display(best.setting().probabilityBestLow()) + ", "
                + Numbers.display(best.setting().probabilityBestHigh()) + "]");
        assertThat(best.setting().probabilityBestLow()).isLessThanOrEqualTo(best.setting().probabilityBest());
        String copy = vm.copyText(List.of(best));
        assertThat(copy.split("\n")[0]).isEqualTo("id\tloss\tworse by (log10)\ttie\tP(best) [95 %]\truns\tlr\tl2\tact");
        assertThat(copy.split("\n")[1]).startsWith("0\t0.01\t0\tyes").contains("\t7.79988e-6\trelu");
        // the optimism in the loss's own units, and the reminder
        assertThat(vm.optimismProperty().get()).startsWith("Best 0.01; expect about "
                + Numbers.display(c.original(c.expected())) + " on untouched data")
                .contains("Evaluate the final choice once on untouched test data");
        // no "simpler" rules: the best is proposed, and the pick starts there
        assertThat(vm.proposalProperty().get()).contains("combination 0").contains("\"simpler\"");
        assertThat(vm.chosenProperty().get()).isSameAs(best);
        assertThat(results.selectedProperty().get().id()).isZero();
        assertThat(vm.pickProperty().get()).isEqualTo("Chosen: combination 0 (the proposed one).");
    }

    @Test
    void replicatesGiveThePooledNoiseWithItsIntervalAndTheirCountPerSetting() {
        ResultsModel results = replicated(null);
        SelectionViewModel vm = vm(results);

        vm.analyse();

        Choice.Result c = vm.resultProperty().get();
        assertThat(c.noise().fromReplicates()).isTrue();
        // six settings of three runs: 12 degrees of freedom, the noise near its true 0.02
        assertThat(c.noise().df()).isEqualTo(12);
        assertThat(c.noise().sd()).isCloseTo(0.02, within(0.01));
        assertThat(vm.noiseProperty().get()).contains("pooled over 6 replicated settings")
                .contains("12 degrees of freedom").contains("95 % interval [" + Numbers.display(c.noise().low())
                        + ", " + Numbers.display(c.noise().high()) + "]");
        assertThat(vm.settings()).hasSize(6);
        assertThat(vm.settings()).allMatch(r -> column(vm, "runs").text().apply(r).equals("3"));
        // the mean of a setting is that of its three runs
        SelectionViewModel.SettingRow best = vm.settings().get(0);
        double mean = 0;
        for (int id : best.setting().replicates()) {
            mean += results.row(id).loss() / 3;
        }
        assertThat(best.setting().value()).isCloseTo(mean, within(1e-12));
        assertThat(column(vm, "runs").full().apply(best)).startsWith("3 (combinations ");
        // the ties are those within the threshold, and the table says so
        assertThat(vm.settings()).allMatch(r -> column(vm, "tie").text().apply(r).startsWith(r.tied() ? "yes" : "no"));
        assertThat(vm.settings().stream().filter(SelectionViewModel.SettingRow::tied).count())
                .isEqualTo(c.ties().size()).isLessThan(6);
    }

    @Test
    void aMetricToMaximizeIsAResponseOfItsOwnAndTheLossIsAlwaysMinimized() {
        ResultsModel results = AnalysisRows.model(20);
        SelectionViewModel vm = vm(results);
        assertThat(vm.responses()).containsExactly(Column.LOSS, Column.metric("accuracy"));
        assertThat(vm.directionFixedProperty().get()).isTrue();

        vm.responseProperty().set(Column.metric("accuracy"));
        assertThat(vm.directionFixedProperty().get()).isFalse();
        vm.minimizeProperty().set(false);
        vm.analyse();

        Choice.Result c = vm.resultProperty().get();
        assertThat(c.minimize()).isFalse();
        // the accuracy falls with l2: the best is the row with the highest accuracy, i.e. the lowest l2
        ResultRow top = results.rows().stream().filter(r -> r.metrics().containsKey("accuracy"))
                .max(java.util.Comparator.comparingDouble(r -> r.metric("accuracy"))).orElseThrow();
        assertThat(vm.settings().get(0).id()).isEqualTo(top.id());
        assertThat(vm.columns().get(1).header()).isEqualTo("accuracy");
        assertThat(vm.settings().get(0).setting().value()).isEqualTo(top.metric("accuracy"));
        // higher is better: what to expect on untouched data is no higher than the best observed
        assertThat(c.expected()).isLessThanOrEqualTo(c.best().value());
        // the four rows without an accuracy are left out, and said so
        assertThat(vm.settings()).hasSize(15);
        assertThat(vm.statusProperty().get()).contains("higher is better").contains("4 without a value left out");

        vm.responseProperty().set(Column.LOSS);
        assertThat(vm.minimizeProperty().get()).isTrue();
        assertThat(vm.directionFixedProperty().get()).isTrue();
    }

    @Test
    void theProposalIsTheSimplestTieBySimplerAndTheUserCanOverrideIt() throws Exception {
        SearchSpace space = space();
        ResultsModel results = replicated(space);
        // stronger regularization is simpler
        search.set(new SelectionViewModel.Search(tmp.resolve("no-folder"), new ModelConfig(
                JsonFiles.STRICT.createObjectNode().put("data", "iris.csv"), space,
                Map.of("l2", new Simpler.Higher()))));
        SelectionViewModel vm = vm(results);

        vm.analyse();

        List<SelectionViewModel.SettingRow> ties = vm.settings().stream().filter(SelectionViewModel.SettingRow::tied)
                .toList();
        assertThat(ties).as("the design makes several settings tie").hasSizeGreaterThan(1);
        SelectionViewModel.SettingRow strongest = ties.stream()
                .max(java.util.Comparator.comparingDouble(r -> r.row().values().get(1).asDouble())).orElseThrow();
        SelectionViewModel.SettingRow proposed = vm.settings().stream().filter(SelectionViewModel.SettingRow::proposed)
                .findFirst().orElseThrow();
        assertThat(proposed.id()).isEqualTo(strongest.id()).isNotEqualTo(vm.settings().get(0).id());
        assertThat(vm.proposalProperty().get()).contains("combination " + proposed.id())
                .contains("the simplest of the " + ties.size() + " settings tied with the best")
                .contains("l2: higher is simpler");
        assertThat(column(vm, "tie").text().apply(proposed)).isEqualTo("yes, proposed");
        assertThat(vm.chosenProperty().get()).isSameAs(proposed);

        // the user prefers another setting: it becomes the pick, the selection everywhere and what is exported
        SelectionViewModel.SettingRow other = vm.settings().stream().filter(r -> !r.tied()).findFirst().orElseThrow();
        vm.choose(other);
        assertThat(vm.chosenProperty().get()).isSameAs(other);
        assertThat(results.selectedProperty().get().id()).isEqualTo(other.id());
        assertThat(vm.pickProperty().get()).contains("your pick; proposed was " + proposed.id())
                .contains("NOT tied with the best");
        Path file = tmp.resolve("input_chosen.json");
        vm.exportInput(file);
        JsonNode input = JSON.readTree(Files.readString(file));
        // no input.json in the (missing) folder: the model config's template with the pick's values
        assertThat(input.get("data").asText()).isEqualTo("iris.csv");
        assertThat(input.get("l2").asDouble()).isEqualTo(other.row().values().get(1).asDouble());
        assertThat(input.get("act")).isEqualTo(other.row().values().get(2));
        assertThat(vm.statusProperty().get()).startsWith("Wrote").contains("combination " + other.id());

        vm.choose(null);
        assertThat(vm.chosenProperty().get()).isSameAs(proposed);
        assertThat(vm.pickProperty().get()).endsWith("(the proposed one).");
    }

    @Test
    void theExportsOfATableAloneAreWhatChooseWritesForTheSamePick() throws Exception {
        ResultsModel results = AnalysisRows.model(20);
        SelectionViewModel vm = vm(results);
        vm.analyse();
        SelectionViewModel.SettingRow pick = vm.settings().get(3);
        vm.choose(pick);
        Path gui = tmp.resolve("gui.json");
        Path guiEnsemble = tmp.resolve("gui-ensemble.json");
        vm.exportInput(gui);
        vm.exportEnsemble(guiEnsemble);

        Path table = tmp.resolve("hp_search_data.txt");
        Files.writeString(table, tableText(results));
        Path cli = tmp.resolve("cli.json");
        Path cliEnsemble = tmp.resolve("cli-ensemble.json");
        JsonNode out = choose(table.toString(), "--format", "json", "--pick", Integer.toString(pick.id()),
                "--export", cli.toString(), "--ensemble", cliEnsemble.toString());

        assertThat(JSON.readTree(Files.readString(gui))).isEqualTo(JSON.readTree(Files.readString(cli)));
        assertThat(JSON.readTree(Files.readString(gui)).get("l2").asDouble())
                .isEqualTo(pick.row().values().get(1).asDouble());
        assertThat(JSON.readTree(Files.readString(guiEnsemble))).isEqualTo(JSON.readTree(Files.readString(cliEnsemble)));
        JsonNode members = JSON.readTree(Files.readString(guiEnsemble)).get("members");
        double weights = 0;
        for (JsonNode m : members) {
            weights += m.get("weight").asDouble();
            assertThat(m.get("input").has("lr")).isTrue();
        }
        assertThat(weights).isCloseTo(1, within(1e-9));
        // the same analysis: the command line proposes what the view proposes
        assertThat(out.at("/proposed/id").asInt()).isEqualTo(vm.resultProperty().get().proposed().id());
    }

    @Test
    void onARealSearchTheChosenInputJsonIsTheCombinationsOwnAsChooseExportsIt() throws Exception {
        Path dir = realSearch();
        Configs configs = SearchFiles.load(dir);
        SearchSpace space = configs.model().space();
        ResultsModel results = new ResultsModel();
        results.show(space.hyperparameters().stream().map(Hyperparameter::name).toList(), space,
                SearchState.replay(Journal.read(dir)).resultTable(space).rows());
        search.set(new SelectionViewModel.Search(dir, configs.model()));
        SelectionViewModel vm = vm(results);
        vm.analyse();
        assertThat(vm.settings()).hasSize(10);
        int proposed = vm.chosenProperty().get().id();
        Path gui = tmp.resolve("gui.json");
        vm.exportInput(gui);

        Path cli = tmp.resolve("cli.json");
        JsonNode out = choose(dir.toString(), "--format", "json", "--export", cli.toString());

        assertThat(out.get("pick").asInt()).isEqualTo(proposed);
        JsonNode written = JSON.readTree(Files.readString(gui));
        assertThat(written).isEqualTo(JSON.readTree(Files.readString(cli)));
        // the combination's own input.json, constants included, without its save_folder
        assertThat(written.get("note").asText()).isEqualTo("kept");
        assertThat(written.has("save_folder")).isFalse();
        JsonNode own = JSON.readTree(Files.readString(dir.resolve("hp_combination_" + proposed).resolve("input.json")));
        assertThat(written.get("a")).isEqualTo(own.get("a"));
    }

    @Test
    void replicateTopKStaysDisabledUntilReplicatesAreWiredInAndThenAsksForTheKBest() {
        ResultsModel results = replicated(null);
        SelectionViewModel without = vm(results);
        assertThat(without.canReplicateProperty().get()).isFalse();
        assertThat(without.replicateHintProperty().get()).startsWith("Needs replicates support");

        List<String> asked = new ArrayList<>();
        SelectionViewModel.Replicator replicator = (folder, ids, runs) -> {
            asked.add(folder.getFileName() + " " + ids + " x" + runs);
            return "Replicates under way";
        };
        SelectionViewModel noSearch = vm(results, replicator);
        assertThat(noSearch.canReplicateProperty().get()).as("a results file alone runs nothing").isFalse();
        search.set(new SelectionViewModel.Search(tmp.resolve("hp_search_0"), new ModelConfig(
                JsonFiles.STRICT.createObjectNode(), space())));
        SelectionViewModel vm = vm(results, replicator);
        assertThat(vm.canReplicateProperty().get()).isTrue();
        vm.analyse();
        vm.replicateTopProperty().set(2);
        vm.replicateRunsProperty().set(4);
        vm.replicate();
        assertThat(asked).containsExactly("hp_search_0 [" + vm.settings().get(0).id() + ", "
                + vm.settings().get(1).id() + "] x4");
        assertThat(vm.statusProperty().get()).isEqualTo("Replicates under way");
    }

    @Test
    void newResultsAfterAnAnalysisAreSaidToNeedAnotherOne() {
        ResultsModel results = AnalysisRows.model(20);
        SelectionViewModel vm = vm(results);
        vm.analyse();
        results.put(AnalysisRows.row(20, 0.5, 0.01, 0.001, "relu", Map.of()));
        results.changed();
        assertThat(vm.statusProperty().get()).contains("press Analyse");
    }

    @Test
    void tooFewResultsSayWhyInsteadOfFailingSilently() {
        ResultsModel results = AnalysisRows.model(2);
        SelectionViewModel vm = vm(results);
        vm.analyse();
        assertThat(vm.statusProperty().get()).startsWith("Cannot choose by loss").contains("2 results").contains("at least 3");
        assertThat(vm.settings()).isEmpty();
        vm.exportInput(tmp.resolve("x.json"));
        assertThat(tmp.resolve("x.json")).doesNotExist();
    }

    private static JsonNode choose(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("choose"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(new String[0]));
        assertThat(status).as(err.toString()).isZero();
        return JSON.readTree(out.toString());
    }

    /** The rows as this tool's hp_search_data.txt, every digit kept. */
    private static String tableText(ResultsModel results) {
        StringBuilder sb = new StringBuilder("combination_id\tloss\tlr\tl2\tact\tstatus\tfailure_reason\taccuracy\n");
        for (ResultRow r : results.rows()) {
            sb.append(r.id()).append('\t').append(r.loss() == null ? "" : Numbers.full(r.loss()));
            r.values().forEach(v -> sb.append('\t').append(Numbers.full(v)));
            Double acc = r.metrics().get("accuracy");
            sb.append('\t').append(r.status()).append('\t').append('\t').append(acc == null ? "" : Numbers.full(acc))
                    .append('\n');
        }
        return sb.toString();
    }

    /** A real local search of ten combinations of a script whose loss depends on a, with a constant "note". */
    private Path realSearch() throws Exception {
        Path dir = tmp.resolve("project");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("f.py"), String.join("\n",
                "import json",
                "p = json.load(open('input.json'))",
                "json.dump({'objective': (p['a'] - 0.3) ** 2 + 0.1 * p['b']}, open('output.json', 'w'))", ""));
        Files.writeString(dir.resolve("search_config.json"), "{\"search_type\": \"random\", \"max_suggestions\": 10,"
                + " \"max_active_points\": 2, \"random_seed\": 5}");
        Files.writeString(dir.resolve("job_config.json"), "{\"environment_path\": \"python3\", \"script_path\": \"f.py\","
                + " \"time\": 1}");
        Files.writeString(dir.resolve("model_config.json"), "{\"note\": \"kept\", \"a\": {\"type\": \"continuous\","
                + " \"domain\": [0, 1], \"transformation\": \"linear\"}, \"b\": {\"type\": \"continuous\", \"domain\":"
                + " [0, 1], \"transformation\": \"linear\", \"simpler\": \"lower\"}}");
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "run",
                "--search_config_path", dir.resolve("search_config.json").toString(),
                "--job_config_path", dir.resolve("job_config.json").toString(),
                "--model_config_path", dir.resolve("model_config.json").toString());
        assertThat(status).as(err.toString()).isZero();
        return dir.resolve("hp_search_0");
    }
}
