package dev.hpsearch.optimizer.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The seed's folder layout: {@code {project}/hp_search_{search_id}/hp_combination_{combination_id}/}. */
public final class SearchFolder {
    private static final String SEARCH_PREFIX = "hp_search_";
    private static final String COMBINATION_PREFIX = "hp_combination_";
    /** At most 9 digits, so that every id and its successor fit in an int; other names are not searches. */
    private static final Pattern SEARCH_DIR = Pattern.compile(SEARCH_PREFIX + "(\\d{1,9})");
    /** A glob that matches every search folder name (and perhaps more: check with {@link #searchId(String)}). */
    public static final String GLOB = SEARCH_PREFIX + "*";

    private SearchFolder() {
    }

    /**
     * Creates the next {@code hp_search_{id}} folder of a project. Creating a folder is atomic, so two
     * launches at the same moment never get the same id: the loser of a race takes the next one.
     */
    public static Path createNext(Path projectFolder) throws IOException {
        Files.createDirectories(projectFolder);
        int id = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(projectFolder, GLOB)) {
            for (Path d : dirs) {
                int taken = searchId(d);
                if (taken >= 0) {
                    id = Math.max(id, taken + 1);
                }
            }
        }
        while (true) {
            Path dir = projectFolder.resolve(name(id));
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
        Path dir = projectFolder.resolve(name(id));
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
        return searchDir.getFileName() == null ? -1 : searchId(searchDir.getFileName().toString());
    }

    /** The search id a folder name stands for, or -1 if it is not {@code hp_search_{id}}. */
    public static int searchId(String folderName) {
        Matcher m = SEARCH_DIR.matcher(folderName);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The name of search {@code id}'s folder, {@code hp_search_{id}}. */
    public static String name(int id) {
        return SEARCH_PREFIX + id;
    }

    /** The name of a combination's folder inside its search folder, {@code hp_combination_{id}}. */
    public static String combinationName(int combinationId) {
        return COMBINATION_PREFIX + combinationId;
    }

    /** The search folders of a project, highest id first; none when the folder does not exist. */
    public static List<Path> searches(Path projectFolder) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(projectFolder)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(projectFolder, GLOB)) {
            for (Path p : ds) {
                if (searchId(p) >= 0 && Files.isDirectory(p)) {
                    out.add(p);
                }
            }
        }
        out.sort(Comparator.comparingInt((Path p) -> searchId(p)).reversed());
        return out;
    }

    public static Path combinationDir(Path searchDir, int combinationId) {
        return searchDir.resolve(combinationName(combinationId));
    }

    /** A combination's log.txt (what its script printed). */
    public static Path combinationLog(Path searchDir, int combinationId) {
        return combinationDir(searchDir, combinationId).resolve("log.txt");
    }

    public static Path inputJson(Path searchDir, int combinationId) {
        return combinationDir(searchDir, combinationId).resolve("input.json");
    }
}
