package dev.hpsearch.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.optimizer.text.AtomicFiles;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.profile.ClusterProfiles;
import dev.hpsearch.ssh.transport.CommandResult;
import dev.hpsearch.ssh.transport.HostKeyException;
import dev.hpsearch.ssh.transport.RemoteFile;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Cluster profiles from the user's clusters.json (plus the presets), connections over SSH/SFTP. */
public final class SshClusterService implements ClusterService {
    private static final Duration SLURM_TIMEOUT = Duration.ofSeconds(30);
    private final Path file;
    private final SshSettings settings;

    /** The user's profiles file when none is named: {@code ~/.config/hpsearch/clusters.json}. */
    public static Path defaultFile() {
        return ClusterProfiles.defaultFile();
    }

    /** @param file the user's profiles file ({@link #defaultFile()} in the desktop app) */
    public SshClusterService(Path file) {
        this(file, SshSettings.defaults());
    }

    public SshClusterService(Path file, SshSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    @Override
    public List<String> profiles() {
        List<String> names = new ArrayList<>(List.of(RunTarget.LOCAL.name()));
        try {
            list().forEach(e -> names.add(e.profile().name()));
        } catch (UserFacingException e) {
            // a broken file shows up where profiles are edited; the presets still run
            ClusterProfiles.presets().names().forEach(names::add);
        }
        return names;
    }

    @Override
    public boolean remoteAvailable() {
        return true;
    }

    @Override
    public Path profilesFile() {
        return file;
    }

    @Override
    public List<ProfileEntry> list() throws UserFacingException {
        try {
            ClusterProfiles all = ClusterProfiles.load(file);
            Set<String> mine = new HashSet<>();
            if (Files.exists(file)) {
                for (JsonNode c : new ObjectMapper().readTree(file.toFile()).path("clusters")) {
                    mine.add(c.path("name").asText().toUpperCase(Locale.ROOT));
                }
            }
            List<ProfileEntry> out = new ArrayList<>();
            for (ClusterProfile p : all.all()) {
                out.add(new ProfileEntry(ProfileDraft.of(p), mine.contains(p.name().toUpperCase(Locale.ROOT))));
            }
            return out;
        } catch (ClusterProfileException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, e.getMessage(), e);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, IoErrors.describe(e), e);
        }
    }

    @Override
    public void save(ProfileDraft d) throws UserFacingException {
        try {
            write(d);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, IoErrors.describe(e), e);
        }
    }

    private void write(ProfileDraft d) throws IOException, UserFacingException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = Files.exists(file) && json.readTree(file.toFile()) instanceof ObjectNode
                ? (ObjectNode) json.readTree(file.toFile()) : json.createObjectNode();
        ArrayNode list = root.get("clusters") instanceof ArrayNode ? (ArrayNode) root.get("clusters")
                : root.putArray("clusters");
        ObjectNode entry = json.createObjectNode();
        put(entry, "name", d.name());
        put(entry, "host", d.host());
        if (!ProfileDraft.blank(d.port())) {
            try {
                entry.put("port", Integer.parseInt(d.port().strip()));
            } catch (NumberFormatException e) {
                entry.put("port", d.port().strip()); // the reader below names the field and what is allowed
            }
        }
        put(entry, "user", d.user());
        put(entry, "identity_file", d.identityFile());
        put(entry, "known_hosts", d.knownHosts());
        put(entry, "cpu_partition", d.cpuPartition());
        put(entry, "gpu_partition", d.gpuPartition());
        if (!d.setup().isEmpty()) {
            ArrayNode setup = entry.putArray("setup");
            d.setup().forEach(setup::add);
        }
        put(entry, "remote_root", d.remoteRoot());
        int at = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).path("name").asText().equalsIgnoreCase(d.name() == null ? "" : d.name().strip())) {
                at = i;
            }
        }
        if (at >= 0) {
            // keys the form does not show stay as the user wrote them
            if (list.get(at).has("mail_user")) {
                entry.set("mail_user", list.get(at).get("mail_user"));
            }
            list.set(at, entry);
        } else {
            list.add(entry);
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "clusters", ".json.tmp");
        try {
            Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            try {
                ClusterProfiles.load(tmp);
            } catch (ClusterProfileException e) {
                throw new UserFacingException(UserFacingException.Kind.CONFIG,
                        "Not saved: " + e.getMessage().replace(tmp.toString(), file.toString()), e);
            }
            AtomicFiles.replace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void put(ObjectNode n, String key, String value) {
        if (!ProfileDraft.blank(value)) {
            n.put(key, value.strip());
        }
    }

    @Override
    public ConnectionCheck test(ProfileDraft draft, ConnectionPrompts prompts) {
        ClusterProfile profile;
        try {
            profile = draft.toProfile();
        } catch (IllegalArgumentException e) {
            return ConnectionCheck.failed(e.getMessage());
        }
        try (SshSession ssh = ClusterContact.open(profile, ProfileSource.app(), file, settings,
                ConnectionPrompts.toSsh(prompts))) {
            CommandResult version = ssh.exec(withSetup(profile, "sbatch --version"), SLURM_TIMEOUT);
            CommandResult info = ssh.exec(withSetup(profile, "sinfo --noheader -o '%P %a %D %t'"), SLURM_TIMEOUT);
            String details = "Connected to " + ssh.host() + "\n\n$ sbatch --version\n" + output(version)
                    + "\n$ sinfo\n" + output(info);
            if (!version.ok() || !info.ok()) {
                CommandResult bad = version.ok() ? info : version;
                return new ConnectionCheck(false, "Connected to " + ssh.host() + ", but Slurm did not answer "
                        + bad.describe() + " (check the profile's set-up lines)", details, false);
            }
            int partitions = (int) info.stdout().lines().filter(l -> !l.isBlank()).count();
            return new ConnectionCheck(true, "Connected to " + ssh.host() + ": " + version.stdout().strip() + ", "
                    + partitions + (partitions == 1 ? " partition" : " partitions"), details, false);
        } catch (ClusterContactException e) {
            // the same line as the command line's; a changed key also gets the warning dialog
            boolean changed = e.failure() instanceof HostKeyException h && h.kind() == HostKeyException.Kind.CHANGED;
            return new ConnectionCheck(false, e.getMessage(), e.getMessage(), changed);
        } catch (SshBridgeException | RuntimeException e) {
            return ConnectionCheck.failed("Cannot connect to " + profile.target().label() + ": " + e.getMessage());
        }
    }

    private static String output(CommandResult r) {
        String s = (r.stdout() + r.stderr()).strip();
        return (s.isEmpty() ? "(no output)" : s) + (r.ok() ? "" : "\n(exit status " + r.exitStatus() + ")") + "\n";
    }

    /** The profile's set-up lines run in a login shell before the command, as the Slurm executor does. */
    static String withSetup(ClusterProfile profile, String command) {
        if (profile.setupLines().isEmpty()) {
            return command;
        }
        return "bash -l -c " + ShellQuote.quote(String.join("\n", profile.setupLines()) + "\n" + command);
    }

    @Override
    public RemoteFolders browse(ProfileDraft draft, ConnectionPrompts prompts) throws UserFacingException {
        ClusterProfile profile;
        try {
            profile = draft.toProfile();
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, e.getMessage(), e);
        }
        try {
            return new SftpFolders(ClusterContact.open(profile, ProfileSource.app(), file, settings,
                    ConnectionPrompts.toSsh(prompts)), profile.remoteRoot());
        } catch (SshBridgeException e) {
            throw new UserFacingException(UserFacingException.Kind.CONNECTION, e.getMessage(), e);
        }
    }

    /** Folders on the cluster over one SFTP session. */
    private static final class SftpFolders implements RemoteFolders {
        private final SshSession ssh;
        private final String remoteRoot;

        SftpFolders(SshSession ssh, String remoteRoot) {
            this.ssh = ssh;
            this.remoteRoot = remoteRoot;
        }

        @Override
        public String start() throws UserFacingException {
            try {
                return ssh.exists(remoteRoot) ? ssh.absolutePath(remoteRoot) : ssh.absolutePath(".");
            } catch (SshBridgeException e) {
                throw new UserFacingException(UserFacingException.Kind.FAILURE, e.getMessage(), e);
            }
        }

        @Override
        public List<String> folders(String path) throws UserFacingException {
            List<String> names = new ArrayList<>();
            try {
                for (RemoteFile f : ssh.list(path)) {
                    if (f.directory() && !f.name().equals(".") && !f.name().equals("..")) {
                        names.add(f.name());
                    }
                }
            } catch (SshBridgeException e) {
                throw new UserFacingException(UserFacingException.Kind.FAILURE, e.getMessage(), e);
            }
            names.sort(String.CASE_INSENSITIVE_ORDER);
            return names;
        }

        @Override
        public void close() {
            ssh.close();
        }
    }
}
