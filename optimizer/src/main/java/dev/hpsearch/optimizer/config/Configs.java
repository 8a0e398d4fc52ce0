package dev.hpsearch.optimizer.config;

import dev.hpsearch.optimizer.space.ModelConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The three config files of a search, read and validated.
 *
 * @param searchPath    where search_config.json was read from
 * @param jobPath       where job_config.json was read from; its folder is the project folder
 * @param modelPath     where model_config.json was read from
 * @param warnings      problems that do not stop the search (unknown keys and the like)
 */
public record Configs(
        SearchConfig search,
        JobConfig job,
        ModelConfig model,
        Path searchPath,
        Path jobPath,
        Path modelPath,
        List<ConfigProblem> warnings) {

    public Configs {
        warnings = List.copyOf(warnings);
    }

    /** The seed's project folder: the folder of job_config.json. */
    public Path projectFolder() {
        Path parent = jobPath.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }
}
