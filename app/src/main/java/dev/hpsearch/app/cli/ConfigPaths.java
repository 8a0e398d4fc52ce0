package dev.hpsearch.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The seed's three flags, with kebab-case aliases. */
final class ConfigPaths {
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
