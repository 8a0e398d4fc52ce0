package dev.hpsearch.app.gui.cluster;

import java.util.List;

/** This build's cluster service: everything runs on this machine. */
public final class LocalOnlyClusterService implements ClusterService {
    public static final String NOT_AVAILABLE = "This build runs searches on this machine only: cluster support "
            + "(SSH and Slurm) arrives with the remote-execution release. Set cluster to \"local\".";

    @Override
    public List<String> profiles() {
        return List.of("local");
    }

    @Override
    public boolean remoteAvailable() {
        return false;
    }

    @Override
    public ConnectionCheck test(String profile, HostKeyPrompt hostKeys, SecretPrompt secrets) {
        if (profile == null || profile.isBlank() || profile.equalsIgnoreCase("local")) {
            return new ConnectionCheck(true, "local: runs on this machine, nothing to connect to");
        }
        return new ConnectionCheck(false, profile + ": " + NOT_AVAILABLE);
    }
}
