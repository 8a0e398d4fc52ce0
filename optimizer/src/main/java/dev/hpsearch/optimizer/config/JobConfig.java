package dev.hpsearch.optimizer.config;

import java.util.List;

/**
 * The seed's {@code job_config.json}: what one run of the analysis needs.
 *
 * @param environmentPath interpreter (python3, Rscript, perl, bash, a path...)
 * @param scriptPath      the analysis script, as written in the file
 * @param cluster         where to run: {@code local} (the default) or a cluster profile name
 * @param timeHours       time allowed for one run, in hours
 * @param memoryGb        memory for one run, in GB
 * @param processorType   CPU or GPU
 * @param numProcessors   processors for one run
 * @param partition       Slurm partition; {@code null} to take it from the cluster profile
 * @param account         Slurm account ({@code --account}); optional
 * @param qos             Slurm quality of service ({@code --qos}); optional
 * @param constraint      Slurm node constraint ({@code --constraint}); optional
 * @param sbatchArgs      further {@code sbatch} arguments, passed as given (each one quoted); may be empty
 * @param upload          files or folders of the project (relative to its folder) copied to the cluster's project
 *                        folder before the first job, by content; may be empty
 * @param gpuType         Slurm GPU type of a GPU job ({@code --gres=gpu:TYPE:N}); {@code null} for any GPU
 * @param cpusPerTask     CPUs of one run ({@code -c}) when they differ from {@code num_processors}: beside the GPUs
 *                        of a GPU job, or instead of {@code num_processors} for a CPU job; {@code null} to keep the
 *                        seed's mapping
 * @param container       Apptainer/Singularity image the analysis runs in on the cluster; {@code null} for none
 * @param modules         environment modules loaded before the run on the cluster; may be empty
 */
public record JobConfig(
        String environmentPath,
        String scriptPath,
        String cluster,
        double timeHours,
        int memoryGb,
        String processorType,
        int numProcessors,
        String partition,
        String account,
        String qos,
        String constraint,
        List<String> sbatchArgs,
        List<String> upload,
        String gpuType,
        Integer cpusPerTask,
        String container,
        List<String> modules) {

    public JobConfig {
        sbatchArgs = sbatchArgs == null ? List.of() : List.copyOf(sbatchArgs);
        upload = upload == null ? List.of() : List.copyOf(upload);
        modules = modules == null ? List.of() : List.copyOf(modules);
        if (cpusPerTask != null && cpusPerTask < 1) {
            throw new IllegalArgumentException("cpusPerTask must be at least 1: " + cpusPerTask);
        }
    }

    /** A job config without the site resources ({@code gpu_type}, {@code cpus_per_task}, {@code container}, {@code modules}). */
    public JobConfig(String environmentPath, String scriptPath, String cluster, double timeHours, int memoryGb,
                     String processorType, int numProcessors, String partition, String account, String qos,
                     String constraint, List<String> sbatchArgs, List<String> upload) {
        this(environmentPath, scriptPath, cluster, timeHours, memoryGb, processorType, numProcessors, partition,
                account, qos, constraint, sbatchArgs, upload, null, null, null, List.of());
    }

    /** A job config without {@code upload}. */
    public JobConfig(String environmentPath, String scriptPath, String cluster, double timeHours, int memoryGb,
                     String processorType, int numProcessors, String partition, String account, String qos,
                     String constraint, List<String> sbatchArgs) {
        this(environmentPath, scriptPath, cluster, timeHours, memoryGb, processorType, numProcessors, partition,
                account, qos, constraint, sbatchArgs, List.of());
    }

    /** A job config with the seed's keys only. */
    public static JobConfig of(String environmentPath, String scriptPath, String cluster, double timeHours,
                               int memoryGb, String processorType, int numProcessors) {
        return new JobConfig(environmentPath, scriptPath, cluster, timeHours, memoryGb, processorType,
                numProcessors, null, null, null, null, List.of());
    }

    /** A copy asking for another time limit and memory (a run retried after it ran out of either). */
    public JobConfig withResources(double timeHours, int memoryGb) {
        return new JobConfig(environmentPath, scriptPath, cluster, timeHours, memoryGb, processorType, numProcessors,
                partition, account, qos, constraint, sbatchArgs, upload);
    }

    public static final String LOCAL = "local";

    /** True for a GPU job ({@code processor_type} GPU). */
    public boolean isGpu() {
        return "GPU".equalsIgnoreCase(processorType);
    }

    /** True when runs happen on this machine. */
    public boolean isLocal() {
        return cluster == null || cluster.isBlank() || cluster.equalsIgnoreCase(LOCAL);
    }
}
