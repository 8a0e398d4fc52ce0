package dev.hpsearch.app.remote;

import dev.hpsearch.optimizer.text.AtomicFiles;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.slurm.CoordinatorJob;
import dev.hpsearch.ssh.transport.ClusterShell;
import dev.hpsearch.ssh.transport.CommandResult;
import dev.hpsearch.ssh.transport.ProjectUpload;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Java runtime for a detached coordinator on a cluster without Java 17 (decision 0016): made here with the JDK's
 * {@code jlink} from the modules the self-contained jar needs, kept in the user's cache folder, and uploaded as one
 * archive named by its content hash to {@code {remote_root}/.hpsearch/java-{hash}/}, shared by every search there
 * like the jar.
 */
public final class ClusterRuntime {
    /**
     * The modules of the shaded jar, from {@code jdeps --print-module-deps --ignore-missing-deps} on it, plus the
     * elliptic-curve provider (a service jdeps cannot see). A detached search run with this runtime in
     * DetachedControlIT verifies the list.
     */
    static final List<String> MODULES = List.of("java.base", "java.management", "java.rmi", "java.security.jgss",
            "java.sql", "jdk.jfr", "jdk.unsupported", "jdk.unsupported.desktop", "jdk.crypto.ec");

    /** The Java release the coordinator needs. */
    public static final int REQUIRED = 17;

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern VERSION = Pattern.compile("version \"([^\"]+)\"");

    private ClusterRuntime() {
    }

    /**
     * The major version a {@code java -version} output names ({@code 1.8.0_381} is 8, {@code 17.0.9} is 17), or -1
     * when it names none (no such program, another output).
     */
    static int majorVersion(String javaVersionOutput) {
        Matcher m = VERSION.matcher(javaVersionOutput);
        if (!m.find()) {
            return -1;
        }
        String[] parts = m.group(1).split("[.+_-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The major version of the Java the coordinator job would run ({@code search_environment_path}, after the
     * profile's set-up lines), or -1 when it is missing or says no version.
     */
    public static int versionOnCluster(ClusterShell shell, ClusterProfile profile, String java) throws SshBridgeException {
        CommandResult r = shell.exec(CoordinatorJob.versionCommand(profile, java), COMMAND_TIMEOUT);
        return majorVersion(r.stdout());
    }

    /**
     * The runtime archive for Linux x64, from the cache or made now: with this JDK's jlink, or, in hpsearch's own
     * packages (whose runtime has no jlink, but was linked with these modules and keeps {@code bin/java}, decision
     * 0022), from this runtime itself.
     *
     * @param cacheDir where archives are kept ({@link #defaultCache()})
     * @throws IOException when this machine cannot make one (not Linux x64, no jlink), saying what to do instead
     */
    public static Path archive(Path cacheDir) throws IOException {
        return archive(cacheDir, Path.of(System.getProperty("java.home")), System.getProperty("os.name", ""),
                System.getProperty("os.arch", ""));
    }

    /** {@link #archive(Path)} for the runtime at {@code home} on the system {@code osName}, {@code osArch}. */
    static Path archive(Path cacheDir, Path home, String osName, String osArch) throws IOException {
        String os = osName.toLowerCase(Locale.ROOT);
        Path jlink = home.resolve("bin").resolve("jlink");
        if (!os.contains("linux") || !(osArch.equals("amd64") || osArch.equals("x86_64"))) {
            throw new IOException("the cluster has no Java " + REQUIRED + ", and a Java runtime for it (Linux x64) can"
                    + " only be made on Linux x64 here; install Java " + REQUIRED + " on the cluster and name it in"
                    + " search_config.json's search_environment_path");
        }
        Path release = home.resolve("release");
        String releaseText = Files.isRegularFile(release) ? Files.readString(release, StandardCharsets.UTF_8) : "";
        boolean canLink = Files.isExecutable(jlink) && Files.isDirectory(home.resolve("jmods"));
        boolean isSuchARuntime = Files.isExecutable(home.resolve("bin").resolve("java"))
                && linkedModules(releaseText).containsAll(MODULES);
        if (!canLink && !isSuchARuntime) {
            throw new IOException("the cluster has no Java " + REQUIRED + ", and this Java (" + home + ") has no jlink"
                    + " and jmods to make one; run hpsearch with a full JDK " + REQUIRED + ", or install Java "
                    + REQUIRED + " on the cluster and name it in search_config.json's search_environment_path");
        }
        String key = sha256((releaseText.isEmpty() ? home.toString() : releaseText)
                + "\n" + String.join(",", MODULES) + (canLink ? "" : "\nthis runtime")).substring(0, 16);
        Path archive = cacheDir.resolve("cluster-java-" + key + ".tar.gz");
        if (Files.isRegularFile(archive)) {
            return archive;
        }
        Files.createDirectories(cacheDir);
        Path work = Files.createTempDirectory(cacheDir, "jlink-");
        try {
            Path image = home;
            if (canLink) {
                image = work.resolve("java");
                run(List.of(jlink.toString(), "--add-modules", String.join(",", MODULES), "--strip-debug",
                        "--no-header-files", "--no-man-pages", "--compress=2", "--output", image.toString()), "jlink");
            }
            Path tar = work.resolve("java.tar.gz");
            run(List.of("tar", "czf", tar.toString(), "-C", image.toString(), "."), "tar");
            AtomicFiles.replace(tar, archive);
            return archive;
        } finally {
            deleteTree(work);
        }
    }

    /** The modules a runtime's {@code release} file lists ({@code MODULES="java.base java.sql ..."}). */
    static List<String> linkedModules(String releaseText) {
        Matcher m = Pattern.compile("(?m)^MODULES=\"?([^\"\n]*)\"?").matcher(releaseText);
        return m.find() ? List.of(m.group(1).trim().split("\\s+")) : List.of();
    }

    /** The user's cache folder for runtimes: {@code hpsearch.cache}, else {@code $XDG_CACHE_HOME/hpsearch}, else {@code ~/.cache/hpsearch}. */
    public static Path defaultCache() {
        String set = System.getProperty("hpsearch.cache");
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("hpsearch");
    }

    /**
     * Puts the runtime on the cluster unless it is there already: {@code {root}/.hpsearch/java-{hash}/}, unpacked
     * into a folder of its own and renamed into place, so a concurrent launch or a dropped connection never leaves
     * half a runtime under that name.
     *
     * @return the runtime's {@code bin/java} on the cluster
     */
    public static String install(ClusterShell shell, String root, Path archive) throws IOException {
        String name = "java-" + ProjectUpload.sha256(archive).substring(0, 16);
        String dir = root + "/" + RemoteProject.HIDDEN + "/" + name;
        String java = dir + "/bin/java";
        if (shell.exists(java)) {
            return java;
        }
        String remoteArchive = dir + ".tar.gz";
        shell.mkdirs(root + "/" + RemoteProject.HIDDEN);
        shell.upload(archive, remoteArchive);
        CommandResult r = shell.exec(ShellQuote.join("bash", "-c", String.join("\n",
                "set -e",
                "t=$(mktemp -d \"$2.XXXXXX\")",
                "tar xzf \"$1\" -C \"$t\"",
                "mv -T \"$t\" \"$2\" 2>/dev/null || rm -rf \"$t\"",
                "rm -f \"$1\"",
                "test -x \"$2/bin/java\""), "hpsearch-runtime", remoteArchive, dir), COMMAND_TIMEOUT);
        if (!r.ok()) {
            throw new SshBridgeException("Cannot unpack the Java runtime into " + dir + " on " + shell.host() + " "
                    + r.describe());
        }
        return java;
    }

    private static void run(List<String> command, String what) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(what + " could not make the Java runtime for the cluster: " + output.strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(what + " was interrupted", e);
        }
    }

    /** Deletes {@code dir} and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(all::add);
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
