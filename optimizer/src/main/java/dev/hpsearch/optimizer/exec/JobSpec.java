package dev.hpsearch.optimizer.exec;

import dev.hpsearch.optimizer.config.JobConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One run of the analysis script for one combination:
 * {@code {environment_path} {script_path} {save_folder}/input.json} in {@code workDir}.
 *
 * @param combinationId the combination this run belongs to
 * @param workDir       the combination folder ({@code save_folder}); the run's working directory (local path)
 * @param inputJson     {@code workDir/input.json}
 * @param logFile       {@code workDir/log.txt}: stdout and stderr of the run
 * @param command       the command line: interpreter, script, input.json (local paths)
 * @param job           the job config, for resources and executor-specific settings
 */
public record JobSpec(int combinationId, Path workDir, Path inputJson, Path logFile, List<String> command,
                      JobConfig job) {
    public JobSpec {
        command = List.copyOf(command);
    }

    /** The time one run may take ({@code job_config.time}, hours). */
    public Duration timeLimit() {
        return Duration.ofMillis(Math.max(1, Math.round(job.timeHours() * 3_600_000d)));
    }
}
