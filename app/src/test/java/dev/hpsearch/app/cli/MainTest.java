package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void aBareStartWithoutTerminalOpensTheDesktopAppAndOtherwiseRunsTheCommandLine() {
        assertThat(Main.withoutTerminalOpenTheGui(new String[0], false)).containsExactly("gui");
        assertThat(Main.withoutTerminalOpenTheGui(new String[0], true)).isEmpty();
        assertThat(Main.withoutTerminalOpenTheGui(new String[] {"status", "x"}, false)).containsExactly("status", "x");
    }

    /**
     * A double-clicked jar: the real main class with no arguments and no terminal tries the desktop app (here
     * without a display, so it says so, as {@code hpsearch gui} would) instead of printing the help to nobody.
     */
    @Test
    void theRealMainWithoutArgumentsOrTerminalStartsTheDesktopApp() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=gtk", "-cp", System.getProperty("java.class.path"), Main.class.getName());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(out).as("no help printed").isEmpty();
        assertThat(err).as(err).matches("(?s)hpsearch: the desktop app (found no display|needs the GTK 3 library).*");
    }
}
