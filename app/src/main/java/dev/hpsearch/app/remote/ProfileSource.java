package dev.hpsearch.app.remote;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the cluster profile of a connection was named, so that a failure can say which setting to change, and
 * how to run on this machine instead from where the user is.
 *
 * @param description how the message names the place, e.g. {@code from job_config.json "cluster"}
 * @param runHere     what the user does to run on this machine instead, e.g. {@code --cluster local}; {@code null}
 *                    when that is not an option (resuming a cluster search)
 */
public record ProfileSource(String description, String runHere) {

    public ProfileSource {
        Objects.requireNonNull(description, "description");
    }

    /** The command line's {@code --cluster NAME}. */
    public static ProfileSource flag() {
        return new ProfileSource("from --cluster", "--cluster local");
    }

    /** The {@code "cluster"} key of a job config, read by the command line. */
    public static ProfileSource jobConfig(Path jobConfig) {
        return new ProfileSource("from " + jobConfig.getFileName() + " \"cluster\"", "--cluster local");
    }

    /** The command line's choice: {@code --cluster} when given ({@code flag} not null), else the job config's. */
    public static ProfileSource commandLine(String flag, Path jobConfig) {
        return flag != null ? flag() : jobConfig(jobConfig);
    }

    /** A profile chosen in the desktop app (the Run tab's target, the profile form, the job form). */
    public static ProfileSource app() {
        return new ProfileSource("chosen in the app", "choose \"local\"");
    }

    /** The cluster a search folder records, when it is resumed: it cannot move to this machine. */
    public static ProfileSource searchFolder(Path searchDir) {
        return new ProfileSource("recorded in " + searchDir.getFileName(), null);
    }

    /** This source with another way to run here instead ({@code null} for none). */
    public ProfileSource withRunHere(String instead) {
        return new ProfileSource(description, instead);
    }
}
