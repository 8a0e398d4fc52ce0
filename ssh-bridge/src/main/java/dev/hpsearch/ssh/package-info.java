/** Remote execution over SSH: session, SFTP transfers and the Slurm executor. */
package dev.hpsearch.ssh;
