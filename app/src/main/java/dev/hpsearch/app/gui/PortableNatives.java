package dev.hpsearch.app.gui;

import dev.hpsearch.app.remote.ClusterRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * JavaFX's native libraries for this platform, when hpsearch runs from the portable jar (decision 0022). That jar
 * carries JavaFX for five platforms, but Linux x64 and aarch64 name their libraries alike ({@code libglass.so}),
 * and so do macOS x64 and aarch64; so the jar keeps them in {@code javafx-natives/{platform}/}, where JavaFX does
 * not look. Before the toolkit starts, this platform's libraries are copied once (per content) to the user's cache
 * folder, and that folder is put first on {@code java.library.path}, which JavaFX's loader reads when it loads its
 * first library. Windows's DLLs have names of their own and stay at the jar's root, where JavaFX finds them itself;
 * the jar of the packages and of {@code ./hpsearch} has no such folder, and nothing happens.
 */
final class PortableNatives {
    /** The folder of the portable jar that holds one sub-folder of libraries per platform. */
    static final String FOLDER = "javafx-natives/";

    private PortableNatives() {
    }

    /**
     * The folder name of the platform {@code os.name} and {@code os.arch} describe ({@code linux-x64},
     * {@code linux-aarch64}, {@code mac-x64}, {@code mac-aarch64}); empty for Windows (its libraries need no
     * unpacking by us) and for platforms JavaFX is not shipped for.
     */
    static Optional<String> platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.equals("amd64") || osArch.equals("x86_64") ? "x64"
                : osArch.equals("aarch64") || osArch.equals("arm64") ? "aarch64" : null;
        if (arch == null) {
            return Optional.empty();
        }
        if (os.contains("linux")) {
            return Optional.of("linux-" + arch);
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Optional.of("mac-" + arch);
        }
        return Optional.empty();
    }

    /**
     * For this process: when it runs from a jar that carries {@code javafx-natives/}, unpacks this platform's
     * libraries and puts their folder first on {@code java.library.path}. Must run before JavaFX loads a library.
     *
     * @param cache the user's cache folder
     * @throws IOException when the libraries cannot be unpacked; the message names the folder
     */
    static void prepareForThisProcess(Path cache) throws IOException {
        Optional<String> platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        Path jar;
        try {
            jar = Path.of(PortableNatives.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return;
        }
        if (platform.isEmpty() || !Files.isRegularFile(jar)) {
            return;
        }
        Optional<Path> folder = unpack(jar, platform.get(), cache);
        if (folder.isPresent()) {
            String before = System.getProperty("java.library.path", "");
            System.setProperty("java.library.path",
                    folder.get() + (before.isEmpty() ? "" : java.io.File.pathSeparator + before));
        }
    }

    /**
     * Copies the libraries of {@code platform} from {@code jar} to {@code cache/javafx-{platform}-{hash}/} unless a
     * copy of the same content is there already; empty when the jar has none for that platform.
     *
     * @return the folder that holds them
     */
    static Optional<Path> unpack(Path jar, String platform, Path cache) throws IOException {
        String prefix = FOLDER + platform + "/";
        try (JarFile j = new JarFile(jar.toFile())) {
            List<JarEntry> libs = new ArrayList<>();
            j.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(prefix)
                    && e.getName().indexOf('/', prefix.length()) < 0).forEach(libs::add);
            if (libs.isEmpty()) {
                return Optional.empty();
            }
            libs.sort(Comparator.comparing(JarEntry::getName));
            Path target = cache.resolve("javafx-" + platform + "-" + contentKey(libs));
            if (Files.isDirectory(target)) {
                return Optional.of(target);
            }
            Files.createDirectories(cache);
            Path work = Files.createTempDirectory(cache, "javafx-unpack-");
            try {
                for (JarEntry e : libs) {
                    try (InputStream in = j.getInputStream(e)) {
                        Files.copy(in, work.resolve(e.getName().substring(prefix.length())));
                    }
                }
                try {
                    Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                    // another hpsearch unpacked the same content first: use its copy
                    if (!Files.isDirectory(target)) {
                        throw raced;
                    }
                } catch (IOException moved) {
                    if (!Files.isDirectory(target)) {
                        throw moved;
                    }
                }
                return Optional.of(target);
            } finally {
                ClusterRuntime.deleteTree(work);
            }
        } catch (IOException e) {
            throw new IOException("cannot unpack JavaFX's native libraries for " + platform + " from " + jar
                    + " to " + cache + ": " + e.getMessage(), e);
        }
    }

    /** A hash of the libraries' names, sizes and CRCs: a new build of JavaFX gets a folder of its own. */
    private static String contentKey(List<JarEntry> libs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (JarEntry e : libs) {
                sha.update((e.getName() + " " + e.getSize() + " " + e.getCrc() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
