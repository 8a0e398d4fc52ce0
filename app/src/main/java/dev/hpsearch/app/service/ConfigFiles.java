package dev.hpsearch.app.service;

import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.Configs;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The three config files of a search; the job config's folder is the project folder.
 *
 * @param search search_config.json
 * @param job    job_config.json
 * @param model  model_config.json
 */
public record ConfigFiles(Path search, Path job, Path model) {
    public ConfigFiles {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(model, "model");
    }

    /**
     * Reads and checks the three files.
     *
     * @throws UserFacingException of kind CONFIG listing every problem (file, JSON path, value, what is allowed)
     */
    public Configs load() throws UserFacingException {
        try {
            return new ConfigLoader().load(search, job, model);
        } catch (ConfigException e) {
            throw SearchService.configError(e);
        }
    }
}
