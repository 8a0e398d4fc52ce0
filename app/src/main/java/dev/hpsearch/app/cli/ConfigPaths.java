package dev.hpsearch.app.cli;

import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.Configs;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The seed's three flags, with kebab-case aliases. */
final class ConfigPaths {
    /**
     * Reads the three files and prints their warnings; on errors prints one line per problem and returns
     * {@code null} (the caller exits with {@link ExitCodes#CONFIG}).
     */
    Configs loadReporting(java.io.PrintWriter err) {
        try {
            Configs configs = new ConfigLoader().load(search, job, model);
            Console.problems(err, configs.warnings());
            return configs;
        } catch (ConfigException e) {
            Console.configError(err, e);
            return null;
        }
    }

    @Option(names = {"--search_config_path", "--search-config-path", "-s"}, required = true,
            paramLabel = "FILE", description = "search_config.json: how to search")
    Path search;

    @Option(names = {"--job_config_path", "--job-config-path", "-j"}, required = true,
            paramLabel = "FILE", description = "job_config.json: how to run one analysis; its folder is the project folder")
    Path job;

    @Option(names = {"--model_config_path", "--model-config-path", "-m"}, required = true,
            paramLabel = "FILE", description = "model_config.json: the script's inputs, hyperparameters marked")
    Path model;
}
