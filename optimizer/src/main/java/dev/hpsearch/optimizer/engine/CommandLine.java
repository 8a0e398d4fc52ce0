package dev.hpsearch.optimizer.engine;

import dev.hpsearch.optimizer.config.JobConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the seed's command line {@code {environment_path} {script_path} {save_folder}/input.json}. */
public final class CommandLine {
    private CommandLine() {
    }

    /**
     * The command for one run. Relative paths are taken from the project folder. An environment_path with
     * spaces that is not itself a file ({@code "Rscript --vanilla"}) is split into words.
     */
    public static List<String> of(JobConfig job, Path projectFolder, Path inputJson) {
        List<String> cmd = new ArrayList<>(interpreter(job.environmentPath(), projectFolder));
        cmd.add(script(job, projectFolder).toString());
        cmd.add(inputJson.toAbsolutePath().toString());
        return cmd;
    }

    /** The interpreter and its own arguments. */
    public static List<String> interpreter(String environmentPath, Path projectFolder) {
        String env = environmentPath.trim();
        if (env.contains("/")) {
            Path p = projectFolder.resolve(env);
            if (Files.exists(p)) {
                return List.of(p.normalize().toString());
            }
        }
        if (env.contains(" ")) {
            return Arrays.asList(env.split("\\s+"));
        }
        return List.of(env.contains("/") ? projectFolder.resolve(env).normalize().toString() : env);
    }

    /** The script's absolute path. */
    public static Path script(JobConfig job, Path projectFolder) {
        return projectFolder.resolve(job.scriptPath()).toAbsolutePath().normalize();
    }
}
