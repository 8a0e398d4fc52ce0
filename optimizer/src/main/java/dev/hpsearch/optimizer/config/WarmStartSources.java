package dev.hpsearch.optimizer.config;

import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.table.TableColumns;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.Utf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a {@code warm_start_from} entry: a search folder (its {@code hp_search_data.txt}) or a data file, of this
 * tool or of the original one; the parsing is {@link ResultTable#parse}'s.
 */
public final class WarmStartSources {
    private WarmStartSources() {
    }

    /**
     * One source, read.
     *
     * @param dataFile the data file that was read
     * @param table    its rows
     */
    public record Source(Path dataFile, ResultTable table) {
    }

    /** The data file of an entry: the entry itself, or the table inside a folder. */
    public static Path dataFile(Path entry) {
        return Files.isDirectory(entry) ? entry.resolve(TableColumns.FILE_NAME) : entry;
    }

    /**
     * Reads an entry.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not a table of results
     */
    public static Source read(Path entry) throws IOException {
        Path file = dataFile(entry);
        return new Source(file, ResultTable.parse(Utf8.read(file)));
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
        try {
            read(entry);
            return null;
        } catch (IOException e) {
            return "cannot read " + file + ": " + IoErrors.describe(e);
        } catch (IllegalArgumentException e) {
            return file + " is not a table of search results: " + e.getMessage();
        }
    }
}
