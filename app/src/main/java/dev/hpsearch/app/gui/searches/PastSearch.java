package dev.hpsearch.app.gui.searches;

import dev.hpsearch.optimizer.analysis.History;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One search of a project as the list of searches shows it.
 *
 * @param folder       its {@code hp_search_N} folder
 * @param type         line, grid, random, bopt, mixed (its rows came from strategies its config does not
 *                     explain), or unknown (no config and no rows)
 * @param started      when it was set up (its {@code search.json}, else the folder), or {@code null}
 * @param combinations how many combinations its table holds
 * @param best         the lowest loss, or {@code null} when none has a score
 * @param bestId       the combination with the lowest loss, or -1
 * @param history      best loss so far against combination id
 * @param problem      why its table could not be read, or empty
 */
public record PastSearch(Path folder, String type, Instant started, int combinations, Double best, int bestId,
                         History history, String problem) {
    /** The folder's name, {@code hp_search_N}. */
    public String name() {
        return folder.getFileName().toString();
    }
}
