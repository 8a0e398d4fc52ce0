package dev.hpsearch.optimizer.config;

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
 */
public record JobConfig(
        String environmentPath,
        String scriptPath,
        String cluster,
        double timeHours,
        int memoryGb,
        String processorType,
        int numProcessors) {

    public static final String LOCAL = "local";

    /** True when runs happen on this machine. */
    public boolean isLocal() {
        return cluster == null || cluster.isBlank() || cluster.equalsIgnoreCase(LOCAL);
    }
}
