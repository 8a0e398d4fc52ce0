package dev.hpsearch.optimizer.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of hpsearch, read from {@code version.properties}, which Maven fills with the project's version at
 * build time. The one place the version comes from: the provenance of each run records it, and a
 * {@code --version} option should print it.
 */
public final class HpSearchVersion {
    private static final String UNKNOWN = "unknown";

    private HpSearchVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when the resource is missing (a broken build). */
    public static String current() {
        try (InputStream in = HpSearchVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", UNKNOWN).strip();
            // an unfiltered resource (run from sources without Maven) still says it does not know
            return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
