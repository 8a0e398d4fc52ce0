package dev.hpsearch.app.cli;

import dev.hpsearch.app.service.SearchResults;
import dev.hpsearch.optimizer.analysis.ResponseData;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Simpler;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The results the analysis commands read: a search folder of this tool (its journal and configs, so a running
 * search works too), or an {@code hp_search_data.txt} of this tool or of the original one (a file, or a folder
 * holding one), whose axes are inferred from the values.
 *
 * @param table     the results
 * @param model     the search's model config, or {@code null} for a table read on its own
 * @param searchDir the search folder when there is one (its combinations' input.json files), else {@code null}
 */
record ResultsSource(ResultTable table, ModelConfig model, Path searchDir) {
    /** The search space, or {@code null} for a table read on its own. */
    SearchSpace space() {
        return model == null ? null : model.space();
    }

    /** Which values make the simpler model, by hyperparameter (model_config's {@code "simpler"}). */
    Map<String, Simpler> simpler() {
        return model == null ? Map.of() : model.simpler();
    }

    /** Thrown after the error has been printed; carries the exit status. */
    static final class Failed extends Exception {
        final int status;

        Failed(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    static ResultsSource read(Path target, PrintWriter err) throws Failed {
        SearchResults r = results(target, err);
        return new ResultsSource(r.table(), r.configs() == null ? null : r.configs().model(), r.searchDir());
    }

    /** Everything read from a search folder or a data file; prints what is wrong and throws when it cannot. */
    static SearchResults results(Path target, PrintWriter err) throws Failed {
        try {
            return SearchResults.read(target);
        } catch (ConfigException e) {
            throw new Failed(Console.configError(err, e));
        } catch (IOException e) {
            err.println("error: " + IoErrors.describe(e));
            throw new Failed(ExitCodes.CONFIG);
        } catch (IllegalArgumentException e) {
            err.println("error: " + target + ": " + e.getMessage());
            throw new Failed(ExitCodes.CONFIG);
        }
    }

    /** The rows with a value of {@code metric} (the loss for {@code null}) and every hyperparameter. */
    ResponseData response(String metric, PrintWriter err) throws Failed {
        ResponseData data;
        try {
            data = ResponseData.of(table, space(), metric);
        } catch (IllegalArgumentException e) {
            err.println("error: --metric: " + e.getMessage());
            throw new Failed(ExitCodes.CONFIG);
        }
        if (data.inputs().isEmpty()) {
            err.println("error: these results have no hyperparameters to analyse");
            throw new Failed(ExitCodes.FAILURE);
        }
        return data;
    }

    /** Checks an output format option. */
    static void checkFormat(String format, PrintWriter err) throws Failed {
        if (!format.equals("text") && !format.equals("json")) {
            err.println("error: --format: '" + format + "' is not a format; use text or json");
            throw new Failed(ExitCodes.CONFIG);
        }
    }
}
