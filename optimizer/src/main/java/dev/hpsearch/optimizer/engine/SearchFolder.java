package dev.hpsearch.optimizer.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The seed's folder layout: {@code {project}/hp_search_{search_id}/hp_combination_{combination_id}/}. */
public final class SearchFolder {
    /** At most 9 digits, so that every id and its successor fit in an int; other names are not searches. */
    private static final Pattern SEARCH_DIR = Pattern.compile("hp_search_(\\d{1,9})");

    private SearchFolder() {
    }

    /**
     * Creates the next {@code hp_search_{id}} folder of a project. Creating a folder is atomic, so two
     * launches at the same moment never get the same id: the loser of a race takes the next one.
     */
    public static Path createNext(Path projectFolder) throws IOException {
        Files.createDirectories(projectFolder);
        int id = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(projectFolder, "hp_search_*")) {
            for (Path d : dirs) {
                Matcher m = SEARCH_DIR.matcher(d.getFileName().toString());
                if (m.matches()) {
                    id = Math.max(id, Integer.parseInt(m.group(1)) + 1);
                }
            }
        }
        while (true) {
            Path dir = projectFolder.resolve("hp_search_" + id);
            try {
                Files.createDirectory(dir);
                return dir;
            } catch (FileAlreadyExistsException e) {
                id++;
            }
        }
    }

    /**
     * The folder {@code hp_search_{id}} of a project, created, or taken over when it exists and is empty (as
     * {@code hpsearch launch} leaves it: it claims the id on the cluster before the coordinator starts there).
     */
    public static Path create(Path projectFolder, int id) throws IOException {
        if (id < 0) {
            throw new IllegalArgumentException("search id must be at least 0: " + id);
        }
        Path dir = projectFolder.resolve("hp_search_" + id);
        Files.createDirectories(projectFolder);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " exists and is not a folder", e);
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                if (entries.iterator().hasNext()) {
                    throw new IOException("search folder " + dir + " is already in use (not empty); choose another"
                            + " search id or leave it out to take the next free one", e);
                }
            }
        }
        return dir;
    }

    /** The search id of a search folder, or -1 if its name is not {@code hp_search_{id}}. */
    public static int searchId(Path searchDir) {
        Matcher m = SEARCH_DIR.matcher(searchDir.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    public static Path combinationDir(Path searchDir, int combinationId) {
        return searchDir.resolve("hp_combination_" + combinationId);
    }

    public static Path inputJson(Path searchDir, int combinationId) {
        return combinationDir(searchDir, combinationId).resolve("input.json");
    }
}
