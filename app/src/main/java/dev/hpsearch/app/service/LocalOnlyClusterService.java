package dev.hpsearch.app.service;

import java.nio.file.Path;
import java.util.List;

/** Cluster support switched off: everything runs on this machine (tests and builds without SSH). */
public final class LocalOnlyClusterService implements ClusterService {
    public static final String NOT_AVAILABLE = SearchService.NOT_AVAILABLE;

    @Override
    public List<String> profiles() {
        return List.of(RunTarget.LOCAL.name());
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
    public void save(ProfileDraft draft) throws UserFacingException {
        throw new UserFacingException(UserFacingException.Kind.CONFIG, NOT_AVAILABLE);
    }

    @Override
    public ConnectionCheck test(ProfileDraft profile, ConnectionPrompts prompts) {
        return ConnectionCheck.failed(profile.name() + ": " + NOT_AVAILABLE);
    }

    @Override
    public RemoteFolders browse(ProfileDraft profile, ConnectionPrompts prompts) throws UserFacingException {
        throw new UserFacingException(UserFacingException.Kind.CONFIG, NOT_AVAILABLE);
    }
}
