/**
 * Talking to a machine: the SSH session, host keys and prompts, commands on the cluster or the local
 * shell, bounded copies and the project upload, and the local-to-cluster path mapping.
 */
package dev.hpsearch.ssh.transport;
