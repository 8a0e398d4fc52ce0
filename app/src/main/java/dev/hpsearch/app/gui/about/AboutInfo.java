package dev.hpsearch.app.gui.about;

import dev.hpsearch.optimizer.engine.HpSearchVersion;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * What the About box says: the same line as {@code hpsearch --version}, the Java and JavaFX it runs on, and the jar
 * it runs from (the one {@code launch} sends to a cluster).
 *
 * @param version the line of {@code hpsearch --version}
 * @param runtime the Java and JavaFX versions and where that Java lives
 * @param jar     the jar or folder hpsearch's classes come from
 */
public record AboutInfo(String version, String runtime, String jar) {
    /** This process's. */
    public static AboutInfo current() {
        String runtime = "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version"))
                + " (" + System.getProperty("java.vendor", "unknown vendor") + "), JavaFX "
                + System.getProperty("javafx.runtime.version", "unknown") + ", in " + System.getProperty("java.home");
        String jar;
        try {
            jar = Path.of(AboutInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            jar = "unknown";
        }
        return new AboutInfo("hpsearch " + HpSearchVersion.current(), runtime, jar);
    }

    /** All of it as plain text, for the clipboard (a bug report names the build exactly). */
    public String text() {
        return version + "\n" + runtime + "\nRuns from " + jar + "\n";
    }
}
