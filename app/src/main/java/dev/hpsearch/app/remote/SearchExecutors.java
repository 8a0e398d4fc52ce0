package dev.hpsearch.app.remote;

import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.exec.Executor;
import dev.hpsearch.optimizer.exec.LocalProcessExecutor;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.profile.ClusterProfiles;
import dev.hpsearch.ssh.slurm.SlurmExecutor;
import dev.hpsearch.ssh.slurm.SlurmSettings;
import dev.hpsearch.ssh.transport.LocalShell;
import dev.hpsearch.ssh.transport.PathMapping;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the executor a search runs on: this machine, a Slurm cluster reached over SSH, or the Slurm cluster this
 * process itself runs on (detached mode: the coordinator is a Slurm job and submits with the node's own sbatch).
 * The command line and the desktop app both open executors here; they differ only in how SSH asks its questions.
 */
public final class SearchExecutors {
    private SearchExecutors() {
    }

    /** An executor and what it holds open. */
    public static final class Opened implements AutoCloseable {
        private final Executor executor;
        private final SshSession session;
        private final ClusterProfile profile;
        private final String remoteProject;

        Opened(Executor executor, SshSession session) {
            this(executor, session, null, null);
        }

        Opened(Executor executor, SshSession session, ClusterProfile profile, String remoteProject) {
            this.executor = executor;
            this.session = session;
            this.profile = profile;
            this.remoteProject = remoteProject;
        }

        public Executor executor() {
            return executor;
        }

        /**
         * For a cluster reached over SSH, what the search needs there and lacks ({@link ClusterPreflight}); for any
         * cluster, a {@code time} or {@code memory} beyond its partition's limits (refused before anything is
         * submitted); nothing for this machine.
         */
        public List<ConfigProblem> preflight(Configs configs) throws SshBridgeException {
            List<ConfigProblem> problems = new ArrayList<>(session == null ? List.of()
                    : ClusterPreflight.check(session, profile, configs, remoteProject));
            if (executor instanceof SlurmExecutor slurm) {
                problems.addAll(ClusterPreflight.limits(slurm, configs));
            }
            return problems;
        }

        @Override
        public void close() {
            executor.close();
            if (session != null) {
                session.close();
            }
        }
    }

    /** The user's cluster profiles (the seed's presets plus their own file; {@code null} for the default file). */
    public static ClusterProfiles profiles(Path clustersFile) throws ClusterProfileException {
        return ClusterProfiles.load(profilesFile(clustersFile));
    }

    /** The profiles file in use: {@code clustersFile}, or the user's default one. */
    public static Path profilesFile(Path clustersFile) {
        return clustersFile != null ? clustersFile : ClusterProfiles.defaultFile();
    }

    /** The executor that runs analyses as processes of this machine. */
    public static Opened local() {
        return new Opened(new LocalProcessExecutor(), null);
    }

    /**
     * Opens the executor for the cluster profile {@code cluster}. Over SSH, the project folder maps to
     * {@code {remote_root}/{project folder name}} on the cluster; on the cluster itself ({@code onCluster}), the
     * project folder is already where the jobs see it, and Slurm commands run on this machine.
     *
     * @param source  where {@code cluster} was named, for the message when connecting fails
     * @param prompts asked about unknown host keys, the user name, passphrases and passwords while connecting (and
     *                reconnecting)
     * @throws ClusterContactException when the cluster cannot be reached or refuses the connection: one plain line
     */
    public static Opened cluster(String cluster, ProfileSource source, boolean onCluster, Path clustersFile,
                                 Path projectFolder, SshPrompts prompts) throws ClusterProfileException, SshBridgeException {
        ClusterProfile profile = profiles(clustersFile).require(cluster);
        if (onCluster) {
            Path project = projectFolder.toAbsolutePath().normalize();
            return new Opened(new SlurmExecutor(new LocalShell(), profile,
                    new PathMapping(project, project.toString()), SlurmSettings.defaults()), null);
        }
        SshSession session = ClusterContact.open(profile, source, profilesFile(clustersFile), SshSettings.defaults(),
                prompts);
        String remoteProject = profile.remoteRoot() + "/" + projectFolder.getFileName();
        SlurmExecutor slurm = new SlurmExecutor(session, profile, new PathMapping(projectFolder, remoteProject),
                SlurmSettings.defaults());
        return new Opened(slurm, session, profile, remoteProject);
    }
}
