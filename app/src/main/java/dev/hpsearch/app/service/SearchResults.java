package dev.hpsearch.app.service;

import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.DataTable;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Simpler;
import dev.hpsearch.optimizer.text.Utf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The results an analysis reads (the commands {@code sensitivity}, {@code choose}, {@code report} and the GUI's
 * report): a search folder of this tool, read from its journal and configs so that a running search works too, or
 * an {@code hp_search_data.txt} of this tool or of the original one (a file, or a folder holding one), whose axes
 * are then inferred from the values.
 *
 * @param source    what was read: the search folder or the data file
 * @param table     the results
 * @param space     the search space, or {@code null} for a table read on its own
 * @param searchDir the search folder when there is one, else {@code null}
 * @param simpler   which values make the simpler model, by hyperparameter (model_config's {@code "simpler"})
 * @param configs   the configs the search was started with, or {@code null} for a table read on its own
 * @param state     the search's state replayed from its journal, or {@code null} for a table read on its own
 */
public record SearchResults(Path source, ResultTable table, SearchSpace space, Path searchDir,
                            Map<String, Simpler> simpler, Configs configs, SearchState state) {
    /**
     * Reads a search folder or a data file.
     *
     * @throws ConfigException          when a search folder's configs are wrong
     * @throws IOException              when nothing can be read there
     * @throws IllegalArgumentException when a data file is not a table of results
     */
    public static SearchResults read(Path target) throws ConfigException, IOException {
        Path dir = Files.isDirectory(target) ? target : null;
        if (dir != null && Files.exists(dir.resolve(Journal.FILE_NAME))) {
            Configs configs = SearchFiles.load(dir);
            SearchSpace space = configs.model().space();
            SearchState state = SearchState.replay(Journal.read(dir));
            return new SearchResults(dir, state.resultTable(space), space, dir, configs.model().simpler(), configs,
                    state);
        }
        Path file = dir != null ? dir.resolve(DataTable.FILE_NAME) : target;
        return new SearchResults(file, ResultTable.parse(Utf8.read(file)), null, null, Map.of(), null, null);
    }
}
