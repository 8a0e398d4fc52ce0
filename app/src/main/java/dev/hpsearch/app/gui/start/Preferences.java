package dev.hpsearch.app.gui.start;

import dev.hpsearch.app.gui.common.Theme;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The user's settings of the desktop app, in {@code preferences.properties} of the config folder (beside
 * {@code recent-projects.txt}): today the theme.
 */
public final class Preferences {
    private static final String THEME = "theme";
    private final Path file;

    public Preferences(Path configFolder) {
        this.file = configFolder.resolve("preferences.properties");
    }

    public Path file() {
        return file;
    }

    /** The stored theme; light when none is stored or the file cannot be read (a missing preference is no error). */
    public Theme theme() {
        return Theme.parse(load().getProperty(THEME)).orElse(Theme.LIGHT);
    }

    /** Stores the theme, keeping the file's other settings. */
    public void setTheme(Theme theme) throws IOException {
        Properties p = load();
        p.setProperty(THEME, theme.key());
        Files.createDirectories(file.getParent());
        // written in place: a torn file reads as "no preference", which costs the user one click
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "hpsearch desktop app");
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | RuntimeException e) {
                return new Properties();
            }
        }
        return p;
    }
}
