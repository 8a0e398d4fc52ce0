package dev.hpsearch.ssh.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.JsonErrors;
import dev.hpsearch.optimizer.text.NotUtf8Exception;
import dev.hpsearch.optimizer.text.Utf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The clusters known to hpsearch: the seed's two presets, plus the user's own from a JSON file in the user's config
 * folder ({@code $XDG_CONFIG_HOME/hpsearch/clusters.json}, by default {@code ~/.config/hpsearch/clusters.json}).
 * A user profile with a preset's name replaces the preset.
 *
 * <pre>
 * {"clusters": [{
 *   "name": "mylab", "host": "login.example.org", "port": 22, "user": "me",
 *   "identity_file": "~/.ssh/id_ed25519", "known_hosts": "~/.ssh/known_hosts",
 *   "cpu_partition": "cpu", "gpu_partition": "gpu",
 *   "setup": ["module load slurm"], "remote_root": "/scratch/me/hpsearch"
 * }]}
 * </pre>
 */
public final class ClusterProfiles {

    /** The seed's CMS cluster: {@code module load slurm}; GPU partition {@code up-gpu}. */
    public static final ClusterProfile CMS = new ClusterProfile("CMS", "ushpc.gsk.com", 0, null, null, null, null,
            "up-gpu", List.of("module load slurm"), "hpsearch");

    /** The seed's GSKTECH cluster: Slurm under {@code /usr/local/slurm}; partition {@code us_hpc}. */
    public static final ClusterProfile GSKTECH = new ClusterProfile("GSKTECH", "us1sxlx00202.corpnet2.com", 0, null,
            null, null, "us_hpc", "us_hpc",
            List.of("export PATH=${PATH}:/usr/local/slurm/bin", "export MANPATH=${MANPATH}:/usr/local/slurm/share/man"),
            "hpsearch");

    private static final Set<String> KEYS = Set.of("name", "host", "port", "user", "identity_file", "known_hosts",
            "cpu_partition", "gpu_partition", "setup", "remote_root", "mail_user");

    private final Map<String, ClusterProfile> byName;

    private ClusterProfiles(List<ClusterProfile> profiles) {
        Map<String, ClusterProfile> m = new LinkedHashMap<>();
        for (ClusterProfile p : profiles) {
            m.put(p.name().toUpperCase(Locale.ROOT), p);
        }
        this.byName = m;
    }

    /** The presets only. */
    public static ClusterProfiles presets() {
        return new ClusterProfiles(List.of(CMS, GSKTECH));
    }

    /** The user's profiles file: {@code $XDG_CONFIG_HOME/hpsearch/clusters.json} or {@code ~/.config/...}. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("hpsearch").resolve("clusters.json");
    }

    /** The presets plus the profiles in {@code file}; a missing file means presets only. */
    public static ClusterProfiles load(Path file) throws ClusterProfileException {
        List<ClusterProfile> all = new ArrayList<>(List.of(CMS, GSKTECH));
        if (!Files.exists(file)) {
            return new ClusterProfiles(all);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Utf8.read(file));
        } catch (JsonProcessingException e) {
            throw new ClusterProfileException(file, "", "not valid JSON " + JsonErrors.describe(e));
        } catch (NotUtf8Exception e) {
            throw new ClusterProfileException(file, "", e.getMessage());
        } catch (IOException e) {
            throw new ClusterProfileException(file, "", "cannot read: " + IoErrors.describe(e));
        }
        if (root == null || !root.isObject() || !root.has("clusters")) {
            throw new ClusterProfileException(file, "", "expected an object {\"clusters\": [...]}");
        }
        JsonNode list = root.get("clusters");
        if (!list.isArray()) {
            throw new ClusterProfileException(file, "clusters", "expected a list of cluster profiles, found " + list);
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ClusterProfile p = parse(file, "clusters[" + i + "]", list.get(i));
            if (!seen.add(p.name().toUpperCase(Locale.ROOT))) {
                throw new ClusterProfileException(file, "clusters[" + i + "].name",
                        "\"" + p.name() + "\" is defined twice (names are case-insensitive)");
            }
            all.removeIf(q -> q.name().equalsIgnoreCase(p.name()));
            all.add(p);
        }
        return new ClusterProfiles(all);
    }

    private static ClusterProfile parse(Path file, String at, JsonNode n) throws ClusterProfileException {
        if (!n.isObject()) {
            throw new ClusterProfileException(file, at, "expected an object, found " + n);
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new ClusterProfileException(file, at + "." + k, "unknown key; allowed: " + new java.util.TreeSet<>(KEYS));
            }
        }
        String name = text(file, at, n, "name", true);
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new ClusterProfileException(file, at + ".name", "\"" + name
                    + "\" is not a valid name: use letters, digits, '_', '.', '-'");
        }
        if (name.equalsIgnoreCase("local")) {
            throw new ClusterProfileException(file, at + ".name", "\"local\" is reserved for running on this machine");
        }
        String host = text(file, at, n, "host", true);
        int port = 0;
        if (n.has("port")) {
            JsonNode p = n.get("port");
            if (!p.canConvertToInt() || !p.isIntegralNumber() || p.asInt() < 1 || p.asInt() > 65535) {
                throw new ClusterProfileException(file, at + ".port", p + " is not a port: expected an integer 1..65535");
            }
            port = p.asInt();
        }
        List<String> setup = new ArrayList<>();
        if (n.has("setup")) {
            JsonNode s = n.get("setup");
            if (!s.isArray()) {
                throw new ClusterProfileException(file, at + ".setup", "expected a list of shell lines, found " + s);
            }
            for (int j = 0; j < s.size(); j++) {
                if (!s.get(j).isTextual()) {
                    throw new ClusterProfileException(file, at + ".setup[" + j + "]", "expected a string, found " + s.get(j));
                }
                setup.add(s.get(j).asText());
            }
        }
        String identity = text(file, at, n, "identity_file", false);
        String knownHosts = text(file, at, n, "known_hosts", false);
        return new ClusterProfile(name, host, port, text(file, at, n, "user", false),
                identity == null ? null : expandHome(identity), knownHosts == null ? null : expandHome(knownHosts),
                text(file, at, n, "cpu_partition", false), text(file, at, n, "gpu_partition", false), setup,
                text(file, at, n, "remote_root", false), mailUser(file, at, n));
    }

    /** {@code mail_user}: one user name or address for Slurm's {@code --mail-user}, or {@code null}. */
    private static String mailUser(Path file, String at, JsonNode n) throws ClusterProfileException {
        String v = text(file, at, n, "mail_user", false);
        if (v != null && !v.strip().matches("[^\\s,;'\"]+")) {
            throw new ClusterProfileException(file, at + ".mail_user", "\"" + v + "\" is not one user name or e-mail"
                    + " address (no spaces, commas or quotes)");
        }
        return v == null ? null : v.strip();
    }

    private static String text(Path file, String at, JsonNode n, String key, boolean required)
            throws ClusterProfileException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ClusterProfileException(file, at + "." + key, "missing; it is required");
            }
            return null;
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            throw new ClusterProfileException(file, at + "." + key, v + " is not allowed: expected a non-empty string");
        }
        return v.asText();
    }

    private static Path expandHome(String p) {
        if (p.equals("~") || p.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + p.substring(1));
        }
        return Path.of(p);
    }

    /** The profile with this name (case-insensitive). */
    public Optional<ClusterProfile> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name.toUpperCase(Locale.ROOT)));
    }

    /** The profile with this name, or an exception listing the names there are. */
    public ClusterProfile require(String name) throws ClusterProfileException {
        return find(name).orElseThrow(() -> new ClusterProfileException(null, "job_config.cluster",
                "no cluster profile named \"" + name + "\"; known: " + names()));
    }

    public List<ClusterProfile> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        List<String> n = new ArrayList<>();
        byName.values().forEach(p -> n.add(p.name()));
        return n;
    }
}
