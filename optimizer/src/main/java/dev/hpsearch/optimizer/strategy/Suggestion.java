package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.Combination;
import java.util.Objects;

/**
 * A combination a strategy proposes.
 *
 * @param combination the values
 * @param searchType  what produced it, as written in the {@code search_type} column ({@code grid},
 *                    {@code random}, {@code Matern52_EI_MCMC}...)
 * @param ordinal     position in the strategy's own enumeration (grid and line), or -1
 * @param note        a line for the search log about how it was chosen, or empty
 */
public record Suggestion(Combination combination, String searchType, long ordinal, String note) {
    public Suggestion {
        Objects.requireNonNull(combination, "combination");
        Objects.requireNonNull(searchType, "searchType");
        note = note == null ? "" : note;
    }
}
