package dev.hpsearch.app.gui.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.common.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesTest {
    @TempDir
    Path tmp;

    @Test
    void theThemeIsKeptBesideTheRecentProjectsAndReadBack() throws Exception {
        Path config = tmp.resolve("config");
        new RecentProjects(config).add(Files.createDirectories(tmp.resolve("p")));
        assertThat(new Preferences(config).theme()).isEqualTo(Theme.LIGHT);
        new Preferences(config).setTheme(Theme.DARK);
        assertThat(new Preferences(config).theme()).isEqualTo(Theme.DARK);
        assertThat(new Preferences(config).file()).hasParent(config).content().contains("theme=dark");
        assertThat(new RecentProjects(config).load()).containsExactly(tmp.resolve("p"));
    }

    @Test
    void otherSettingsInTheFileAreKept() throws Exception {
        Preferences prefs = new Preferences(tmp);
        Files.writeString(prefs.file(), "window.width=900\ntheme=light\n");
        prefs.setTheme(Theme.DARK);
        assertThat(prefs.file()).content().contains("window.width=900").contains("theme=dark");
    }

    @Test
    void anUnknownOrUnreadableThemeIsTheLightOne() throws Exception {
        Preferences prefs = new Preferences(tmp);
        Files.writeString(prefs.file(), "theme=solarized\n");
        assertThat(prefs.theme()).isEqualTo(Theme.LIGHT);
        Files.delete(prefs.file());
        Files.createDirectories(prefs.file());
        assertThat(prefs.theme()).isEqualTo(Theme.LIGHT);
        assertThat(Theme.parse(" DARK ")).contains(Theme.DARK);
    }
}
