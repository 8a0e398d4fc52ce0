package dev.hpsearch.app.service;

import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.SshPrompts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Cluster connections as the app needs them: the profiles to choose from (the seed's presets and the user's own),
 * saving a profile, a connection test and browsing folders on a cluster. Profiles travel as {@link ProfileDraft}s
 * (the text of the form), so a face needs no SSH types. The calls that connect are blocking: run them off the UI
 * thread; they ask their questions through {@link ConnectionPrompts}, whose GUI implementation hops to the UI
 * thread itself.
 */
public interface ClusterService {
    /** Profile names, {@code local} first. */
    List<String> profiles();

    /** True when searches can run on a cluster in this build. */
    boolean remoteAvailable();

    /** The presets and the user's profiles, presets first; a user profile with a preset's name replaces it. */
    List<ProfileEntry> list() throws UserFacingException;

    /** The profile with this name (case-insensitive), if there is one. */
    default Optional<ProfileDraft> find(String name) throws UserFacingException {
        return list().stream().map(ProfileEntry::profile).filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The user's profiles file that {@link #save} writes. */
    Path profilesFile();

    /**
     * Adds the profile to the user's profiles file, or replaces the one with its name; the file is checked with
     * the same reader the command line uses before it replaces the old one.
     *
     * @throws UserFacingException with a message naming the file and the problem
     */
    void save(ProfileDraft draft) throws UserFacingException;

    /**
     * Connects with the profile and asks Slurm for its version and partitions. Never throws: a failure is a check
     * whose message is the same line the command line prints. A user name the profile does not give is asked for
     * through {@code prompts}.
     */
    ConnectionCheck test(ProfileDraft profile, ConnectionPrompts prompts);

    /** Connects with the profile to list folders on the cluster; close the result to disconnect. */
    RemoteFolders browse(ProfileDraft profile, ConnectionPrompts prompts) throws UserFacingException;

    /**
     * A profile and where it comes from.
     *
     * @param user true when the user's file defines it, false for a preset
     */
    record ProfileEntry(ProfileDraft profile, boolean user) {
    }

    /**
     * The outcome of a connection test.
     *
     * @param ok             connected, authenticated, and both Slurm commands answered
     * @param message        one line for a status label
     * @param details        what the commands printed, or why it failed
     * @param hostKeyChanged the server's key differs from the recorded one: never to be accepted from here
     */
    record ConnectionCheck(boolean ok, String message, String details, boolean hostKeyChanged) {
        public static ConnectionCheck failed(String message) {
            return new ConnectionCheck(false, message, message, false);
        }
    }

    /** Folders on a cluster over one SFTP connection. */
    interface RemoteFolders extends AutoCloseable {
        /** Where browsing starts: the profile's remote root when it exists, else the remote home. */
        String start() throws UserFacingException;

        /** The names of the folders in {@code path}, sorted. */
        List<String> folders(String path) throws UserFacingException;

        @Override
        void close();
    }
}
