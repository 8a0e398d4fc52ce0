package dev.hpsearch.optimizer.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.config.ConfigText;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/** Search spaces and contexts shared by the strategy tests. */
final class Spaces {
    private Spaces() {
    }

    /** Bopt settings for fast tests: MLE only; no random or grid draws unless a test asks for them. */
    static final String BOPT_FAST = "\"random_suggestion_probability\": 0, \"bopt_config\": "
            + "{\"model_estimation_method\": \"MLE\"";

    /** A search config from its JSON text, which must load without problems or warnings. */
    static SearchConfig searchConfig(String json) {
        return ConfigText.search(json);
    }

    /** {@code results} distinct combinations drawn at random from the space, finished with the given loss. */
    static List<FinishedTrial> scoredTrials(SearchSpace space, int results, long seed,
                                            ToDoubleFunction<Combination> loss) {
        RandomStrategy random = new RandomStrategy(space);
        SplittableRandom rng = new SplittableRandom(seed);
        List<FinishedTrial> finished = new ArrayList<>();
        Set<Combination> seen = new HashSet<>();
        while (finished.size() < results) {
            Combination c = random.draw(rng);
            if (seen.add(c)) {
                finished.add(new FinishedTrial(finished.size(), c, "random", -1,
                        new Outcome.Scored(loss.applyAsDouble(c))));
            }
        }
        return finished;
    }

    /** A context of {@link #scoredTrials} with a loss that depends on every coordinate, all seen. */
    static SearchContext scored(SearchSpace space, int results, long seed) {
        List<FinishedTrial> finished = scoredTrials(space, results, seed, c -> {
            double loss = 0;
            for (double x : space.coordinates(c)) {
                loss += (x - 0.3) * (x - 0.3);
            }
            return loss;
        });
        Set<Combination> seen = new HashSet<>();
        finished.forEach(t -> seen.add(t.combination()));
        return new SearchContext(space, finished, List.of(), seen);
    }

    static List<JsonNode> ints(int... values) {
        return IntStream.of(values).mapToObj(v -> (JsonNode) IntNode.valueOf(v)).toList();
    }

    static List<JsonNode> texts(String... values) {
        return java.util.Arrays.stream(values).map(v -> (JsonNode) TextNode.valueOf(v)).toList();
    }

    /** One of each type, as in the seed's model_config example: continuous (log), discrete, categorical. */
    static SearchSpace mixed() {
        return new SearchSpace(List.of(
                Hyperparameter.continuous("learning_rate", 1e-6, 10, Transformation.LOG),
                Hyperparameter.discrete("num_layers", ints(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), Transformation.LINEAR),
                Hyperparameter.categorical("activation", texts("tanh", "relu"))));
    }

    /** 4 x 3 = 12 combinations. */
    static SearchSpace finite() {
        return new SearchSpace(List.of(
                Hyperparameter.discrete("units", ints(8, 16, 32, 64), Transformation.LOG),
                Hyperparameter.categorical("activation", texts("tanh", "relu", "elu"))));
    }

    static SearchContext empty(SearchSpace space) {
        return new SearchContext(space, List.of(), List.of(), Set.of());
    }

    /** The context after the given suggestions were made: all pending, all seen. */
    static SearchContext after(SearchSpace space, List<Suggestion> suggestions) {
        List<PendingTrial> pending = new ArrayList<>();
        Set<Combination> seen = new HashSet<>();
        for (Suggestion s : suggestions) {
            pending.add(new PendingTrial(pending.size(), s.combination(), s.searchType(), s.ordinal()));
            seen.add(s.combination());
        }
        return new SearchContext(space, List.of(), pending, seen);
    }

    static List<Combination> combinations(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::combination).toList();
    }
}
