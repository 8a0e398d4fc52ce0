package dev.hpsearch.optimizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The three config files in a test's folder, loaded as a user's would be. */
final class ConfigFolder {
    private final Path dir;
    private final String job;
    private final String model;

    ConfigFolder(Path dir, String job, String model) {
        this.dir = dir;
        this.job = job;
        this.model = model;
    }

    /** Loads the files with this search config. */
    Configs load(String search) throws Exception {
        write(search);
        return new ConfigLoader().load(dir.resolve("s.json"), dir.resolve("j.json"), dir.resolve("m.json"));
    }

    /** The errors loading with this search config reports; fails the test when it loads. */
    List<ConfigProblem> errors(String search) throws Exception {
        write(search);
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader().load(dir.resolve("s.json"), dir.resolve("j.json"), dir.resolve("m.json")));
        assertThat(e).as("loading should fail").isNotNull();
        return e.problems().stream().filter(ConfigProblem::isError).toList();
    }

    private void write(String search) throws Exception {
        Files.writeString(dir.resolve("s.json"), search);
        Files.writeString(dir.resolve("j.json"), job);
        Files.writeString(dir.resolve("m.json"), model);
    }
}
