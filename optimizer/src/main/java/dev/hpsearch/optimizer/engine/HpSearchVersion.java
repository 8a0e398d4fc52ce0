package dev.hpsearch.optimizer.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of hpsearch and the commit it was built from, read from {@code version.properties}, which Maven
 * fills at build time (the project's version, and the commit asked of git; decision 0022). The one place both
 * come from: {@code hpsearch --version}, the desktop app's About box and the provenance of each run show
 * {@link #current()}.
 *
 * @param version     the project's version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown}
 * @param commit      the abbreviated commit hash, or empty when the build had no git
 * @param commitTime  the commit's date and time (ISO 8601), or empty
 * @param dirty       whether the working tree had uncommitted changes to tracked files when it was built
 */
public record HpSearchVersion(String version, String commit, String commitTime, boolean dirty) {
    private static final String UNKNOWN = "unknown";

    public HpSearchVersion {
        version = known(version);
        commit = commit == null || commit.startsWith("${") ? "" : commit.strip();
        commitTime = commitTime == null || commitTime.startsWith("${") ? "" : commitTime.strip();
    }

    /**
     * One line naming the version and the commit, e.g. {@code 0.1.0-SNAPSHOT (commit 6d6767f986 of 2026-11-30)};
     * {@code , with uncommitted changes} is added inside the parentheses when the tree was dirty, and a build
     * without git says {@code (commit unknown)}.
     */
    public static String current() {
        return build().describe();
    }

    /** What this build was made from. */
    public static HpSearchVersion build() {
        try (InputStream in = HpSearchVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return new HpSearchVersion(UNKNOWN, "", "", false);
            }
            Properties p = new Properties();
            p.load(in);
            return new HpSearchVersion(p.getProperty("version"), p.getProperty("commit"),
                    p.getProperty("commit_time"), "true".equals(p.getProperty("dirty", "").strip()));
        } catch (IOException e) {
            return new HpSearchVersion(UNKNOWN, "", "", false);
        }
    }

    /** The version and the commit in one line (see {@link #current()}). */
    public String describe() {
        if (commit.isEmpty()) {
            return version + " (commit unknown)";
        }
        // the date is enough to place a commit; the full time is in version.properties
        String date = commitTime.length() >= 10 ? " of " + commitTime.substring(0, 10) : "";
        return version + " (commit " + commit + date + (dirty ? ", with uncommitted changes" : "") + ")";
    }

    private static String known(String v) {
        // an unfiltered resource (run from sources without Maven) still says it does not know
        return v == null || v.isBlank() || v.strip().startsWith("${") ? UNKNOWN : v.strip();
    }
}
