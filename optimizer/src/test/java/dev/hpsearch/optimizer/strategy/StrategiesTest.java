package dev.hpsearch.optimizer.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpsearch.optimizer.config.BoptConfig;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.FailurePolicy;
import dev.hpsearch.optimizer.config.FailureValue;
import dev.hpsearch.optimizer.config.ObjectivesConfig;
import dev.hpsearch.optimizer.config.PrunerConfig;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.config.SearchType;
import dev.hpsearch.optimizer.config.StartingPoints;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategiesTest {
    private static SearchConfig config(SearchType type, int points) {
        return new SearchConfig(type, 24, 32, null, null, 200, 20, points, 5, "log", new FailureValue.Max(), 0, 0.1,
                1L, BoptConfig.defaults(), FailurePolicy.DEFAULT, null, SearchConfig.Replicates.NONE, PrunerConfig.NONE,
                StartingPoints.NONE, ObjectivesConfig.NONE);
    }

    @Test
    void eachSearchTypeGetsItsStrategy() throws Exception {
        SearchSpace space = new SearchSpace(List.of(Hyperparameter.continuous("x", 0, 1, Transformation.LINEAR)));
        assertThat(Strategies.forConfig(config(SearchType.GRID, 3), space, "s.json")).isInstanceOf(GridStrategy.class);
        assertThat(Strategies.forConfig(config(SearchType.LINE, 3), space, "s.json")).isInstanceOf(LineStrategy.class);
        assertThat(Strategies.forConfig(config(SearchType.RANDOM, 3), space, "s.json")).isInstanceOf(RandomStrategy.class);
        assertThat(Strategies.forConfig(config(SearchType.BOPT, 3), space, "s.json")).isInstanceOf(BoptStrategy.class);
    }

    @Test
    void aGridTooLargeToCountIsAConfigErrorNotACrash() {
        List<Hyperparameter> hps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hps.add(Hyperparameter.continuous("x" + i, 0, 1, Transformation.LINEAR));
        }
        assertThatThrownBy(() -> Strategies.forConfig(config(SearchType.GRID, 100), new SearchSpace(hps), "s.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("s.json: $.num_grid_points_per_hyperparameter: got 100")
                .hasMessageContaining("more than 2^63 combinations");
    }
}
