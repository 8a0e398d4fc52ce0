package dev.hpsearch.app.gui.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.ProfileSource;
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
import java.nio.file.StandardCopyOption;
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

    /** @param file the user's profiles file ({@link ClusterProfiles#defaultFile()} in the desktop app) */
    public SshClusterService(Path file) {
        this(file, SshSettings.defaults());
    }

    public SshClusterService(Path file, SshSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    @Override
    public List<String> profiles() {
        List<String> names = new ArrayList<>(List.of("local"));
        try {
            list().forEach(e -> names.add(e.profile().name()));
        } catch (IOException e) {
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
    public List<ProfileEntry> list() throws IOException {
        ClusterProfiles all;
        try {
            all = ClusterProfiles.load(file);
        } catch (ClusterProfileException e) {
            throw new IOException(e.getMessage(), e);
        }
        Set<String> mine = new HashSet<>();
        if (Files.exists(file)) {
            for (JsonNode c : new ObjectMapper().readTree(file.toFile()).path("clusters")) {
                mine.add(c.path("name").asText().toUpperCase(Locale.ROOT));
            }
        }
        List<ProfileEntry> out = new ArrayList<>();
        for (ClusterProfile p : all.all()) {
            out.add(new ProfileEntry(p, mine.contains(p.name().toUpperCase(Locale.ROOT))));
        }
        return out;
    }

    @Override
    public void save(ProfileDraft d) throws IOException {
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
                throw new IOException("Not saved: " + e.getMessage().replace(tmp.toString(), file.toString()), e);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
    public ConnectionCheck test(ClusterProfile profile, SshPrompts prompts) {
        try (SshSession ssh = ClusterContact.open(profile, ProfileSource.app(), file, settings, prompts)) {
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
    public RemoteFolders browse(ClusterProfile profile, SshPrompts prompts) throws IOException {
        SshSession ssh = ClusterContact.open(profile, ProfileSource.app(), file, settings, prompts);
        return new RemoteFolders() {
            @Override
            public String start() throws IOException {
                return ssh.exists(profile.remoteRoot()) ? ssh.absolutePath(profile.remoteRoot()) : ssh.absolutePath(".");
            }

            @Override
            public List<String> folders(String path) throws IOException {
                List<String> names = new ArrayList<>();
                for (RemoteFile f : ssh.list(path)) {
                    if (f.directory() && !f.name().equals(".") && !f.name().equals("..")) {
                        names.add(f.name());
                    }
                }
                names.sort(String.CASE_INSENSITIVE_ORDER);
                return names;
            }

            @Override
            public void close() {
                ssh.close();
            }
        };
    }
}
