package dev.hpsearch.optimizer.config;

import dev.hpsearch.optimizer.prune.AshaPruner;
import dev.hpsearch.optimizer.prune.MedianPruner;
import dev.hpsearch.optimizer.prune.Pruner;
import java.util.Optional;

/**
 * Early stopping: the optional {@code search_config.json} keys {@code pruner}, {@code pruner_warmup_steps},
 * {@code pruner_min_step} and {@code pruner_reduction_factor}. The default ({@link #NONE}) runs every combination
 * to its end and reads no {@code progress.jsonl}, as the original tool.
 *
 * @param type            {@code none}, {@code median} or {@code asha}
 * @param warmupSteps     median: steps a run may always run before it is judged
 * @param minStep         asha: the first rung's step
 * @param reductionFactor asha: eta, how much the rungs grow and the survivors shrink
 */
public record PrunerConfig(String type, long warmupSteps, long minStep, int reductionFactor) {
    public static final String NONE_TYPE = "none";
    public static final String MEDIAN = "median";
    public static final String ASHA = "asha";
    /** No early stopping. */
    public static final PrunerConfig NONE = new PrunerConfig(NONE_TYPE, 0, 1, 3);

    public PrunerConfig {
        if (!type.equals(NONE_TYPE) && !type.equals(MEDIAN) && !type.equals(ASHA)) {
            throw new IllegalArgumentException("pruner must be none, median or asha: " + type);
        }
        if (warmupSteps < 0 || minStep < 1 || reductionFactor < 2) {
            throw new IllegalArgumentException("pruner settings out of range: warmup " + warmupSteps + ", min step "
                    + minStep + ", reduction factor " + reductionFactor);
        }
    }

    /** Whether runs are watched and may be stopped early. */
    public boolean enabled() {
        return !type.equals(NONE_TYPE);
    }

    /** The settings in words, {@code "median (pruner_warmup_steps 5)"}. */
    public String describe() {
        switch (type) {
            case MEDIAN:
                return MEDIAN + " (pruner_warmup_steps " + warmupSteps + ")";
            case ASHA:
                return ASHA + " (pruner_min_step " + minStep + ", pruner_reduction_factor " + reductionFactor + ")";
            default:
                return NONE_TYPE;
        }
    }

    /** The pruner these settings describe; empty for {@code none}. */
    public Optional<Pruner> pruner() {
        switch (type) {
            case MEDIAN:
                return Optional.of(new MedianPruner(warmupSteps));
            case ASHA:
                return Optional.of(new AshaPruner(minStep, reductionFactor));
            default:
                return Optional.empty();
        }
    }
}
