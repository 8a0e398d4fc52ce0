package dev.hpsearch.app.gui.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.common.JsonText;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.Configs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates through {@link ConfigLoader#load}, exactly as a search would read the file: the model config is
 * written to a scratch folder beside a minimal search and job config.
 */
public final class LoaderModelValidator implements ModelValidator {
    private static final String NAME = "model_config.json";

    @Override
    public synchronized List<ConfigProblem> validate(ObjectNode model) throws IOException {
        Path dir = Files.createTempDirectory("hpsearch-validate-");
        try {
            Path search = dir.resolve("search_config.json");
            Path job = dir.resolve("job_config.json");
            Path file = dir.resolve(NAME);
            Files.writeString(search, "{\"search_type\": \"random\"}", StandardCharsets.UTF_8);
            Files.writeString(job, "{\"environment_path\": \"sh\", \"script_path\": \"x\"}", StandardCharsets.UTF_8);
            JsonText.write(model, file);
            List<ConfigProblem> out = new ArrayList<>();
            try {
                Configs c = new ConfigLoader().load(search, job, file);
                out.addAll(c.warnings());
            } catch (ConfigException e) {
                out.addAll(e.problems());
            }
            String f = file.toString();
            return out.stream().filter(p -> p.file().equals(f))
                    .map(p -> new ConfigProblem(p.severity(), NAME, p.jsonPath(), p.message())).toList();
        } finally {
            for (String n : List.of("search_config.json", "job_config.json", NAME)) {
                Files.deleteIfExists(dir.resolve(n));
            }
            Files.deleteIfExists(dir);
        }
    }
}
