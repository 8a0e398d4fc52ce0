package dev.hpsearch.app.gui.start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The recently opened project folders, one per line in {@code recent-projects.txt} of the config folder. */
public final class RecentProjects {
    private static final int MAX = 12;
    private final Path configFolder;
    private final Path file;

    public RecentProjects(Path configFolder) {
        this.configFolder = configFolder;
        this.file = configFolder.resolve("recent-projects.txt");
    }

    /** The folder of the user's desktop-app settings, this list among them. */
    public Path configFolder() {
        return configFolder;
    }

    /**
     * The user's config folder: {@code hpsearch.config.dir} if set, else {@code %APPDATA%\hpsearch} on
     * Windows, {@code ~/Library/Application Support/hpsearch} on macOS, {@code $XDG_CONFIG_HOME/hpsearch} or
     * {@code ~/.config/hpsearch} elsewhere.
     */
    public static Path defaultConfigFolder() {
        String override = System.getProperty("hpsearch.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "hpsearch");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "hpsearch");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "hpsearch") : Path.of(home, ".config", "hpsearch");
    }

    /** The stored list, most recent first; folders that no longer exist are left out. */
    public List<Path> load() {
        List<Path> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    Path p = Path.of(line.trim());
                    if (Files.isDirectory(p) && !out.contains(p)) {
                        out.add(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** Puts a folder first and saves the list. */
    public List<Path> add(Path folder) throws IOException {
        Path p = folder.toAbsolutePath().normalize();
        List<Path> list = load();
        list.remove(p);
        list.add(0, p);
        while (list.size() > MAX) {
            list.remove(list.size() - 1);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, list.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        return list;
    }
}
