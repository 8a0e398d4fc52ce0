package dev.hpsearch.app.service;

import dev.hpsearch.ssh.profile.ClusterProfile;
import java.nio.file.Path;
import java.util.List;

/**
 * A cluster profile as the form holds it: text as typed (paths with {@code ~} unexpanded, the port as text), so
 * that the file gets what the user wrote.
 */
public record ProfileDraft(String name, String host, String port, String user, String identityFile,
                           String knownHosts, String cpuPartition, String gpuPartition, List<String> setup,
                           String remoteRoot) {

    public ProfileDraft {
        setup = setup == null ? List.of() : setup.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The draft of an existing profile. */
    public static ProfileDraft of(ClusterProfile p) {
        return new ProfileDraft(p.name(), p.host(), p.port() > 0 ? Integer.toString(p.port()) : "", text(p.user()),
                p.identityFile() == null ? "" : p.identityFile().toString(),
                p.knownHosts() == null ? "" : p.knownHosts().toString(), text(p.cpuPartition()),
                text(p.gpuPartition()), p.setupLines(), text(p.remoteRoot()));
    }

    /**
     * Checks that the name, host and port make a profile (as {@link #toProfile}) and returns this draft.
     *
     * @throws IllegalArgumentException when they do not, saying which
     */
    public ProfileDraft checked() {
        toProfile();
        return this;
    }

    /** Where it connects, {@code user@host:port}, for a status line. */
    public String label() {
        return toProfile().target().label();
    }

    /**
     * The profile it describes, for a connection test before it is saved.
     *
     * @throws IllegalArgumentException when the name, host or port is not acceptable
     */
    public ClusterProfile toProfile() {
        int p = 0;
        if (!blank(port)) {
            try {
                p = Integer.parseInt(port.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port: \"" + port + "\" is not a number 1..65535");
            }
        }
        return new ClusterProfile(blank(name) ? "unnamed" : name.strip(), blank(host) ? "" : host.strip(), p,
                user, path(identityFile), path(knownHosts), cpuPartition, gpuPartition, setup, remoteRoot);
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static Path path(String p) {
        if (blank(p)) {
            return null;
        }
        String s = p.strip();
        if (s.equals("~") || s.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + s.substring(1));
        }
        return Path.of(s);
    }
}
