package dev.hpsearch.app.gui.cluster;

import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.SshPrompts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Cluster support switched off: everything runs on this machine (tests and builds without SSH). */
public final class LocalOnlyClusterService implements ClusterService {
    public static final String NOT_AVAILABLE = "This window runs searches on this machine only: cluster support "
            + "(SSH and Slurm) is switched off. Set cluster to \"local\".";

    @Override
    public List<String> profiles() {
        return List.of("local");
    }

    @Override
    public boolean remoteAvailable() {
        return false;
    }

    @Override
    public List<ProfileEntry> list() {
        return List.of();
    }

    @Override
    public Path profilesFile() {
        return null;
    }

    @Override
    public void save(ProfileDraft draft) throws IOException {
        throw new IOException(NOT_AVAILABLE);
    }

    @Override
    public ConnectionCheck test(ClusterProfile profile, SshPrompts prompts) {
        return ConnectionCheck.failed(profile.name() + ": " + NOT_AVAILABLE);
    }

    @Override
    public RemoteFolders browse(ClusterProfile profile, SshPrompts prompts) throws IOException {
        throw new IOException(NOT_AVAILABLE);
    }
}
