/**
 * Running trials as Slurm jobs: the executor, sbatch scripts, job states, site limits and the detached
 * coordinator job.
 */
package dev.hpsearch.ssh.slurm;
