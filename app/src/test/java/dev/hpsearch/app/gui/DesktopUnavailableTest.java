package dev.hpsearch.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code hpsearch gui} says when JavaFX cannot start. The messages are JavaFX 21's own on Linux, as seen
 * on a machine without libgtk-3 ("Unable to load glass GTK library.") and without a display.
 */
class DesktopUnavailableTest {
    @Test
    void missingGtkNamesThePackageToInstallOnDebianAndFedora() {
        var failure = new UnsupportedOperationException("Unable to load glass GTK library.");
        DesktopUnavailable plain = DesktopUnavailable.classify(failure).orElseThrow();
        assertThat(plain.getMessage()).contains("GTK 3").contains("sudo apt-get install libgtk-3-0")
                .contains("sudo dnf install gtk3").doesNotContain("Exception");
        assertThat(plain.getCause()).isSameAs(failure);
    }

    @Test
    void aMissingGtkIsFoundBehindAWrappingException() {
        var failure = new RuntimeException("Exception in Application start method",
                new UnsatisfiedLinkError("/root/.openjfx/cache/21.0.11/amd64/libglassgtk3.so: libgtk-3.so.0: "
                        + "cannot open shared object file: No such file or directory"));
        assertThat(DesktopUnavailable.classify(failure)).get().extracting(Throwable::getMessage).asString()
                .contains("libgtk-3-0");
    }

    @Test
    void noDisplaySaysHowToGetOne() {
        var failure = new UnsupportedOperationException("Unable to open DISPLAY");
        assertThat(DesktopUnavailable.classify(failure)).get().extracting(Throwable::getMessage).asString()
                .contains("no display").contains("xvfb-run").doesNotContain("libgtk");
    }

    @Test
    void otherFailuresAreNotExplainedAway() {
        assertThat(DesktopUnavailable.classify(new IllegalStateException("Application launch must not be called more than once")))
                .isEmpty();
        assertThat(DesktopUnavailable.classify(new UnsatisfiedLinkError("no prism_sw in java.library.path"))).isEmpty();
        assertThat(DesktopUnavailable.classify(null)).isEmpty();
    }

    /** The real launcher on the real toolkit, without a display: one plain line, exit 1, no stack trace. */
    @Test
    void theLauncherSaysWhatIsMissingInsteadOfAStackTrace() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=gtk", "-cp", System.getProperty("java.class.path"), GuiLauncher.class.getName());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        // without a display GTK is not even looked for; with one but without GTK the GTK message comes instead
        // one line: no stack trace, and not JavaFX's warning about running from the class path either
        assertThat(err.lines()).as(err).singleElement().asString()
                .matches("hpsearch: the desktop app (found no display|needs the GTK 3 library).*");
    }
}
