package dev.hpsearch.optimizer.engine;

import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks, before a local search starts, that its script and interpreter exist on this machine. */
public final class Preflight {
    private Preflight() {
    }

    /** Problems that would make every local run fail at once. */
    public static List<ConfigProblem> local(Configs configs) {
        List<ConfigProblem> problems = new ArrayList<>();
        String file = configs.jobPath().toString();
        Path project = configs.projectFolder();
        Path script = CommandLine.script(configs.job(), project);
        if (!Files.isRegularFile(script)) {
            problems.add(new ConfigProblem(ConfigProblem.Severity.ERROR, file, "$.script_path", "got \""
                    + configs.job().scriptPath() + "\"; no such file: " + script
                    + " (relative paths are taken from the folder of job_config.json)"));
        }
        String interpreter = CommandLine.interpreter(configs.job().environmentPath(), project).get(0);
        if (!ConfigLoader.isRunnable(interpreter)) {
            Path p = Path.of(interpreter);
            String why = !interpreter.contains("/") ? " is not a program on PATH"
                    : Files.isDirectory(p) ? " is a folder, not a program"
                    : Files.exists(p) ? " is not executable (make it so with chmod +x, or name the interpreter)"
                    : " does not exist";
            problems.add(new ConfigProblem(ConfigProblem.Severity.ERROR, file, "$.environment_path", "got \""
                    + configs.job().environmentPath() + "\"; " + interpreter + why));
        }
        return problems;
    }
}
