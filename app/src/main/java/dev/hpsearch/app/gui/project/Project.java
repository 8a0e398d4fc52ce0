package dev.hpsearch.app.gui.project;

import dev.hpsearch.optimizer.engine.SearchFolder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project folder: the three config files and the searches run from it ({@code hp_search_{id}}).
 *
 * @param folder    the project folder (where job_config.json sits, as in the seed)
 * @param searchConfig search_config.json (or the first search_config*.json)
 * @param jobConfig job_config.json
 * @param modelConfig model_config.json (or the first model_config*.json)
 */
public record Project(Path folder, Path searchConfig, Path jobConfig, Path modelConfig) {
    public static final String SEARCH = "search_config.json";
    public static final String JOB = "job_config.json";
    public static final String MODEL = "model_config.json";

    /**
     * Opens a folder: prefers the standard names, falls back to the first file matching
     * {@code search_config*.json} etc.
     *
     * @throws IOException naming what is missing when the folder is not a project
     */
    public static Project open(Path folder) throws IOException {
        Path f = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(f)) {
            throw new IOException(f + " is not a folder");
        }
        Optional<Path> search = find(f, SEARCH, "search_config");
        Optional<Path> job = find(f, JOB, "job_config");
        Optional<Path> model = find(f, MODEL, "model_config");
        List<String> missing = new ArrayList<>();
        if (search.isEmpty()) {
            missing.add(SEARCH);
        }
        if (job.isEmpty()) {
            missing.add(JOB);
        }
        if (model.isEmpty()) {
            missing.add(MODEL);
        }
        if (!missing.isEmpty()) {
            throw new IOException(f + " is not an hpsearch project: no " + String.join(", ", missing)
                    + " (create a new project from the start page instead)");
        }
        return new Project(f, search.get(), job.get(), model.get());
    }

    private static Optional<Path> find(Path folder, String standard, String prefix) throws IOException {
        if (Files.isRegularFile(folder.resolve(standard))) {
            return Optional.of(folder.resolve(standard));
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, prefix + "*.json")) {
            List<Path> all = new ArrayList<>();
            ds.forEach(all::add);
            all.sort(null);
            return all.stream().findFirst();
        }
    }

    /** The same project with another of its search configs (the one the search form shows). */
    public Project withSearchConfig(Path file) {
        return new Project(folder, file, jobConfig, modelConfig);
    }

    public String name() {
        return folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
    }

    /** Search folders of this project, newest (highest id) first. */
    public List<Path> searches() throws IOException {
        return SearchFolder.searches(folder);
    }
}
