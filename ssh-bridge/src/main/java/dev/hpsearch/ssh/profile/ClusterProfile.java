package dev.hpsearch.ssh.profile;

import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A Slurm cluster the searches can run on: how to reach its submit host and how to submit there.
 *
 * @param name          the name {@code job_config.cluster} uses (case-insensitive)
 * @param host          submit host name, or a {@code Host} alias of {@code ~/.ssh/config}
 * @param port          SSH port, or 0 for the SSH config's or 22
 * @param user          remote user, or {@code null} for the SSH config's or the local user name
 * @param identityFile  private key file, or {@code null} for the agent, the SSH config's or {@code ~/.ssh/id_*}
 * @param knownHosts    known_hosts file, or {@code null} for {@code ~/.ssh/known_hosts}
 * @param cpuPartition  partition for {@code processor_type = CPU}, or {@code null} for the cluster's default
 * @param gpuPartition  partition for {@code processor_type = GPU}, or {@code null} for the cluster's default
 * @param setupLines    shell lines run before each job and before Slurm commands (e.g. {@code module load slurm})
 * @param remoteRoot    where on the cluster the projects live; relative to the remote home unless absolute
 * @param mailUser      who Slurm mails when a detached coordinator ends or fails, or {@code null} (search_config's
 *                      {@code mail_user} wins over this)
 */
public record ClusterProfile(String name, String host, int port, String user, Path identityFile, Path knownHosts,
                             String cpuPartition, String gpuPartition, List<String> setupLines, String remoteRoot,
                             String mailUser) {

    /** A profile without {@code mail_user}. */
    public ClusterProfile(String name, String host, int port, String user, Path identityFile, Path knownHosts,
                          String cpuPartition, String gpuPartition, List<String> setupLines, String remoteRoot) {
        this(name, host, port, user, identityFile, knownHosts, cpuPartition, gpuPartition, setupLines, remoteRoot, null);
    }

    public ClusterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        if (name.isBlank()) {
            throw new IllegalArgumentException("cluster profile name is empty");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("cluster profile " + name + " has an empty host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("cluster profile " + name + ": port out of range: " + port);
        }
        setupLines = setupLines == null ? List.of() : List.copyOf(setupLines);
        cpuPartition = blankToNull(cpuPartition);
        gpuPartition = blankToNull(gpuPartition);
        user = blankToNull(user);
        mailUser = blankToNull(mailUser);
        remoteRoot = remoteRoot == null || remoteRoot.isBlank() ? "hpsearch" : remoteRoot;
    }

    /** The SSH target for this cluster's submit host. */
    public SshTarget target() {
        return new SshTarget(host, port, user, identityFile == null ? List.of() : List.of(identityFile), knownHosts,
                null, true, null);
    }

    /** The partition for a processor type ({@code CPU} or {@code GPU}); {@code null} for the cluster's default. */
    public String partitionFor(String processorType) {
        return "GPU".equalsIgnoreCase(processorType) ? gpuPartition : cpuPartition;
    }

    public ClusterProfile withRemoteRoot(String root) {
        return new ClusterProfile(name, host, port, user, identityFile, knownHosts, cpuPartition, gpuPartition,
                setupLines, root, mailUser);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A command as it runs on this cluster: after the set-up lines, in a login shell when there are any. */
    public String withSetup(String command) {
        return ShellQuote.withSetup(setupLines, command);
    }
}
