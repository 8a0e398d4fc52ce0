package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.exec.LocalProcessExecutor;
import dev.hpsearch.optimizer.strategy.FinishedTrial;
import dev.hpsearch.optimizer.strategy.PendingTrial;
import dev.hpsearch.optimizer.strategy.SearchContext;
import dev.hpsearch.optimizer.strategy.Strategies;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.optimizer.strategy.Suggestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replicates of the best combinations through the engine and real processes of a real Python script. */
class ReplicatesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** loss = x^2 plus a small term of the seed; replicates (seed != 100) sleep; seed 102 fails when asked to. */
    private static final String SCRIPT = String.join("\n",
            "import json, os, sys, time",
            "cfg = json.load(open(sys.argv[1]))",
            "seed = cfg['seed']",
            "if seed == 102 and cfg['fail_102']:",
            "    sys.exit(3)",
            "if seed != 100:",
            "    time.sleep(cfg['replicate_sleep'])",
            "loss = cfg['x'] ** 2 + 0.01 * ((seed * 7919) % 13)",
            "json.dump({'objective': loss}, open(os.path.join(cfg['save_folder'], 'output.json'), 'w'))", "");

    @TempDir
    Path tmp;

    private Project project(String replicates, double sleep, boolean fail102) throws Exception {
        Project p = new Project(tmp).script("python3", "f.py", SCRIPT, 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [0, 1, 2], \"transformation\": \"linear\"},"
                + " \"seed\": 100, \"replicate_sleep\": " + sleep + ", \"fail_102\": " + fail102 + "}";
        p.searchConfig = "{\"search_type\": \"grid\", \"max_suggestions\": 3, \"max_active_points\": 4,"
                + " \"random_seed\": 1" + replicates + "}";
        return p;
    }

    private static SearchSummary run(Configs c, Path dir, Strategy strategy, SearchListener listener,
                                     java.util.function.Consumer<SearchEngine> before) throws Exception {
        try (LocalProcessExecutor executor = new LocalProcessExecutor(Clock.systemUTC(), Duration.ofMillis(200))) {
            SearchEngine engine = new SearchEngine(c.search(), c.job(), c.model(), dir, executor, strategy,
                    Clock.systemUTC(), listener);
            before.accept(engine);
            return engine.run();
        }
    }

    private static SearchSummary run(Configs c, Path dir) throws Exception {
        return run(c, dir, Strategies.forConfig(c.search(), c.model().space(), "search_config.json"),
                new SearchListener() { }, e -> { });
    }

    private static ResultTable table(Path dir) throws Exception {
        return ResultTable.parse(Files.readString(dir.resolve(DataTable.FILE_NAME)));
    }

    private static long seedOf(Path dir, int id) throws Exception {
        return JSON.readTree(SearchFolder.inputJson(dir, id).toFile()).get("seed").asLong();
    }

    @Test
    void theBestCombinationsRunAgainAtTheEndEachReplicateAsACombinationOfItsOwn() throws Exception {
        Project p = project(", \"replicate_key\": \"seed\", \"replicates\": 2, \"replicate_top_k\": 2", 0, false);
        Configs c = p.configs();
        Path dir = SearchFiles.create(c);

        SearchSummary s = run(c, dir);

        assertThat(s.complete()).isTrue();
        assertThat(s.reason()).contains("max_suggestions (3) reached").contains("4 replicate(s)");
        ResultTable t = table(dir);
        assertThat(t.rows()).extracting(ResultRow::id).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(t.rows()).extracting(ResultRow::replicateOf).containsExactly(null, null, null, 0, 0, 1, 1);
        assertThat(t.rows()).extracting(ResultRow::status).containsOnly("ok");
        assertThat(t.rows().subList(3, 7)).extracting(ResultRow::searchType).containsOnly("replicate");
        assertThat(List.of(seedOf(dir, 0), seedOf(dir, 3), seedOf(dir, 4), seedOf(dir, 5), seedOf(dir, 6)))
                .containsExactly(100L, 101L, 102L, 101L, 102L);
        // the replicate's own folder, with the original's hyperparameters and the script's result for its seed
        JsonNode input = JSON.readTree(SearchFolder.inputJson(dir, 5).toFile());
        assertThat(input.get("x").asInt()).isEqualTo(1);
        assertThat(t.rows().get(5).loss()).isEqualTo(1 + 0.01 * ((101 * 7919) % 13));
        assertThat(Files.readAllLines(dir.resolve(DataTable.FILE_NAME)).get(0)).contains("\treplicate_of");
        assertThat(Files.readString(dir.resolve(SearchLog.FILE_NAME))).contains("replicates: 4 planned");
    }

    @Test
    void aSearchWithoutReplicatesWritesNoReplicateColumn() throws Exception {
        Configs c = project("", 0, false).configs();
        Path dir = SearchFiles.create(c);

        assertThat(run(c, dir).complete()).isTrue();

        assertThat(Files.readAllLines(dir.resolve(DataTable.FILE_NAME))).hasSize(4)
                .first().asString().doesNotContain("replicate_of");
    }

    /** A real strategy that records every context it is given. */
    private static final class Recording implements Strategy {
        final Strategy inner;
        final List<SearchContext> contexts = new ArrayList<>();

        Recording(Strategy inner) {
            this.inner = inner;
        }

        @Override
        public List<Suggestion> suggest(SearchContext context, int count, RandomGenerator rng) {
            contexts.add(new SearchContext(context.space(), List.copyOf(context.finished()),
                    List.copyOf(context.pending()), Set.copyOf(context.seen())));
            return inner.suggest(context, count, rng);
        }

        @Override
        public OptionalLong plannedCount() {
            return inner.plannedCount();
        }

        @Override
        public boolean adaptive() {
            return inner.adaptive();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }

    @Test
    void noStrategyIsToldOfReplicatesAndTheyDoNotCountTowardMaxSuggestions() throws Exception {
        Project p = new Project(tmp).script("python3", "f.py", SCRIPT, 1);
        p.modelConfig = "{\"x\": {\"type\": \"continuous\", \"domain\": [0, 2], \"transformation\": \"linear\"},"
                + " \"seed\": 100, \"replicate_sleep\": 0, \"fail_102\": false}";
        p.searchConfig = "{\"search_type\": \"bopt\", \"max_suggestions\": 3, \"max_active_points\": 1,"
                + " \"min_initial_points\": 2, \"random_seed\": 5, \"y_transformation\": \"none\","
                + " \"replicate_key\": \"seed\", \"replicates\": 2, \"replicate_top_k\": 1}";
        Configs c = p.configs();
        Path dir = SearchFiles.create(c);
        assertThat(run(c, dir).complete()).isTrue();
        assertThat(table(dir).rows()).hasSize(5);

        // more combinations on resume: bopt is asked again, now that the search has replicates
        p.searchConfig = p.searchConfig.replace("\"max_suggestions\": 3", "\"max_suggestions\": 5");
        Configs more = p.configs();
        Recording strategy = new Recording(Strategies.forConfig(more.search(), more.model().space(), "s"));
        SearchSummary s = run(more, dir, strategy, new SearchListener() { }, e -> { });

        assertThat(s.complete()).isTrue();
        assertThat(strategy.contexts).isNotEmpty();
        Set<Integer> replicates = SearchState.replay(Journal.read(dir)).trials().stream()
                .filter(TrialRecord::isReplicate).map(TrialRecord::id).collect(Collectors.toSet());
        // the best after the resume is replicated too when it is a new one
        assertThat(replicates).contains(3, 4).hasSizeBetween(2, 4);
        for (SearchContext context : strategy.contexts) {
            assertThat(context.finished()).extracting(FinishedTrial::combinationId).doesNotContainAnyElementsOf(replicates);
            assertThat(context.pending()).extracting(PendingTrial::combinationId).doesNotContainAnyElementsOf(replicates);
            assertThat(context.finished().size() + context.pending().size()).isLessThanOrEqualTo(4);
        }
        ResultTable t = table(dir);
        assertThat(t.rows().stream().filter(r -> !r.isReplicate())).as("max_suggestions counts ordinary ones").hasSize(5);
        assertThat(t.rows()).hasSize(5 + replicates.size());
    }

    @Test
    void aResumeAfterTheCoordinatorStopsDuringReplicatesKeepsEveryFinishedResult() throws Exception {
        Project p = project(", \"replicate_key\": \"seed\", \"replicates\": 2, \"replicate_top_k\": 2", 1.5, false);
        Configs c = p.configs();
        Path dir = SearchFiles.create(c);
        Strategy grid = Strategies.forConfig(c.search(), c.model().space(), "s");
        SearchEngine[] engine = new SearchEngine[1];
        SearchSummary first = run(c, dir, grid, new SearchListener() {
            @Override
            public void onTrial(TrialRecord t) {
                if (t.isReplicate() && t.status() == TrialStatus.RUNNING) {
                    engine[0].interrupt(); // as Ctrl-C: the running replicates are left for resume to adopt
                }
            }
        }, e -> engine[0] = e);
        assertThat(first.complete()).isFalse();
        Map<Integer, Double> before = losses(dir);
        assertThat(before).containsOnlyKeys(0, 1, 2);

        SearchSummary resumed = run(c, dir);

        assertThat(resumed.complete()).isTrue();
        Map<Integer, Double> after = losses(dir);
        assertThat(after).containsAllEntriesOf(before).containsOnlyKeys(0, 1, 2, 3, 4, 5, 6);
        assertThat(table(dir).rows()).extracting(ResultRow::replicateOf).containsExactly(null, null, null, 0, 0, 1, 1);
        assertThat(Files.readString(dir.resolve(SearchLog.FILE_NAME))).contains("re-attached to running job");
    }

    @Test
    void aReplicateIsCancelledAsAnyCombinationIsAndTheSearchEnds() throws Exception {
        Project p = project(", \"replicate_key\": \"seed\", \"replicates\": 2, \"replicate_top_k\": 1", 5, false);
        Configs c = p.configs();
        Path dir = SearchFiles.create(c);
        SearchEngine[] engine = new SearchEngine[1];

        SearchSummary s = run(c, dir, Strategies.forConfig(c.search(), c.model().space(), "s"), new SearchListener() {
            @Override
            public void onTrial(TrialRecord t) {
                if (t.isReplicate() && t.status() == TrialStatus.RUNNING) {
                    engine[0].cancel(t.id());
                }
            }
        }, e -> engine[0] = e);

        assertThat(s.complete()).isTrue();
        ResultTable t = table(dir);
        assertThat(t.rows()).extracting(ResultRow::status).containsExactly("ok", "ok", "ok", "cancelled", "cancelled");
        assertThat(t.rows()).extracting(ResultRow::replicateOf).containsExactly(null, null, null, 0, 0);
        assertThat(t.rows().get(3).reason()).contains("cancelled by the user");
    }

    @Test
    void replicatesOnDemandRunMoreOfTheBestNumberedOnAndNothingElse() throws Exception {
        Project p = project(", \"replicate_key\": \"seed\", \"replicates\": 1, \"replicate_top_k\": 1", 0, true);
        Configs c = p.configs();
        Path dir = SearchFiles.create(c);
        assertThat(run(c, dir).complete()).isTrue();
        assertThat(table(dir).rows()).hasSize(4);

        SearchSummary s = run(c, dir, Strategies.forConfig(c.search(), c.model().space(), "s"),
                new SearchListener() { }, e -> e.requestReplicates(2, 2));

        assertThat(s.complete()).isTrue();
        assertThat(s.reason()).contains("4 replicate(s) of the 2 best");
        ResultTable t = table(dir);
        assertThat(t.rows()).extracting(ResultRow::replicateOf).containsExactly(null, null, null, 0, 0, 0, 1, 1);
        assertThat(List.of(seedOf(dir, 4), seedOf(dir, 5), seedOf(dir, 6), seedOf(dir, 7)))
                .containsExactly(102L, 103L, 101L, 102L);
        // a replicate whose analysis fails is recorded as any failed combination is, and the search goes on
        assertThat(t.rows().get(4).status()).isEqualTo("failed");
        assertThat(t.rows().get(4).failureClass()).isEqualTo("script_error");
        assertThat(t.rows().get(7).status()).isEqualTo("failed");
        assertThat(t.rows().get(5).status()).isEqualTo("ok");
    }

    @Test
    void replicatesOfChosenCombinationsRunThoseWhateverTheirRank() throws Exception {
        Project p = project(", \"replicate_key\": \"seed\", \"replicates\": 1, \"replicate_top_k\": 1", 0, true);
        Configs c = p.configs();
        Path dir = SearchFiles.create(c);
        assertThat(run(c, dir).complete()).isTrue();
        List<Integer> before = table(dir).rows().stream().map(ResultRow::replicateOf).toList();

        SearchSummary s = run(c, dir, Strategies.forConfig(c.search(), c.model().space(), "s"),
                new SearchListener() { }, e -> e.requestReplicatesOf(List.of(2, 1), 1));

        assertThat(s.complete()).isTrue();
        assertThat(s.reason()).contains("2 replicate(s) of combination(s) [2, 1]");
        List<ResultRow> rows = table(dir).rows();
        assertThat(rows).hasSize(before.size() + 2);
        assertThat(rows.subList(before.size(), rows.size())).extracting(ResultRow::replicateOf).containsExactly(2, 1);
    }

    @Test
    void aCategoricalKeyGivesEachReplicateAnotherOfItsValues() throws Exception {
        Project p = new Project(tmp).script("python3", "f.py", String.join("\n",
                "import json, os, sys",
                "cfg = json.load(open(sys.argv[1]))",
                "loss = cfg['x'] + {'a': 0.0, 'b': 0.1, 'c': 0.2}[cfg['split']]",
                "json.dump({'objective': loss}, open(os.path.join(cfg['save_folder'], 'output.json'), 'w'))", ""), 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\": \"linear\"},"
                + " \"split\": {\"type\": \"categorical\", \"domain\": [\"a\", \"b\", \"c\"]}}";
        p.searchConfig = "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 2,"
                + " \"replicate_key\": \"split\", \"replicates\": 2, \"replicate_top_k\": 1}";
        Configs c = p.configs();
        Path dir = SearchFiles.create(c);

        assertThat(run(c, dir).complete()).isTrue();

        ResultTable t = table(dir);
        List<ResultRow> replicates = t.rows().stream().filter(ResultRow::isReplicate).toList();
        ResultRow best = t.rows().stream().filter(r -> !r.isReplicate())
                .min(java.util.Comparator.comparingDouble(ResultRow::loss)).orElseThrow();
        assertThat(best.values().get(1).asText()).isEqualTo("a");
        assertThat(replicates).extracting(ResultRow::replicateOf).containsOnly(best.id());
        assertThat(replicates).extracting(r -> r.values().get(1).asText()).containsExactly("b", "c");
        assertThat(replicates).extracting(ResultRow::loss).containsExactly(1.1, 1.2);
    }

    private static Map<Integer, Double> losses(Path dir) throws Exception {
        Map<Integer, Double> out = new TreeMap<>();
        for (ResultRow r : table(dir).rows()) {
            if (r.hasLoss()) {
                out.put(r.id(), r.loss());
            }
        }
        return out;
    }
}
