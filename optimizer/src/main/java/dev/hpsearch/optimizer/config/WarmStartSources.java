package dev.hpsearch.optimizer.config;

import dev.hpsearch.optimizer.table.TableColumns;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where a {@code warm_start_from} entry's results are, and whether they can be read: a search folder (its
 * {@code hp_search_data.txt}) or a data file, of this tool or of the original one. The rows themselves are parsed
 * when the search begins (the engine's {@code WarmStart}); here only the header is checked, so that a wrong file is
 * a config error before anything starts.
 */
public final class WarmStartSources {
    private WarmStartSources() {
    }

    /** The data file of an entry: the entry itself, or the table inside a folder. */
    public static Path dataFile(Path entry) {
        return Files.isDirectory(entry) ? entry.resolve(TableColumns.FILE_NAME) : entry;
    }

    /** What is wrong with an entry (missing, unreadable, not a table of results), or {@code null} when it reads. */
    public static String problem(Path entry) {
        Path file = dataFile(entry);
        if (!Files.exists(entry)) {
            return "no such search folder or file: " + entry + " (relative paths are taken from the folder of the "
                    + "search config)";
        }
        if (!Files.isRegularFile(file)) {
            return "the folder " + entry + " holds no " + TableColumns.FILE_NAME + "; give a search folder (hp_search_N)"
                    + " or an " + TableColumns.FILE_NAME + " file";
        }
        String header;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = in.readLine();
        } catch (IOException e) {
            return "cannot read " + file + ": " + IoErrors.describe(e);
        }
        List<String> columns = header == null ? List.of() : Arrays.stream(header.split("\t", -1)).map(String::trim)
                .toList();
        if (!columns.contains("combination_id") || !columns.contains("loss")) {
            return file + " is not a table of search results: its first line needs the columns combination_id and loss"
                    + " (tab-separated), as hp_search_data.txt has";
        }
        return null;
    }
}
