package dev.hpsearch.app.service;

import dev.hpsearch.optimizer.config.JobConfig;
import java.util.Objects;

/**
 * Where a search's analyses run: this machine, or a cluster profile (Slurm, over SSH or from a node of it). Parsed
 * once where a name comes in (a command-line flag, job_config's {@code "cluster"}, a search.json, a choice in the
 * app); past that point nobody compares names with {@code "local"}.
 */
public sealed interface RunTarget permits RunTarget.Local, RunTarget.Cluster {
    /** This machine. */
    RunTarget LOCAL = new Local();

    /**
     * The target a name means: none, blank or {@code local} (any case) is this machine, anything else the
     * cluster profile of that name (whether it exists is checked where the profiles are read).
     */
    static RunTarget parse(String name) {
        if (name == null || name.isBlank() || name.strip().equalsIgnoreCase(JobConfig.LOCAL)) {
            return LOCAL;
        }
        return new Cluster(name.strip());
    }

    /** The name as the user writes it: {@code local} or the profile's name. */
    String name();

    /** True for this machine. */
    boolean isLocal();

    /** This machine. */
    record Local() implements RunTarget {
        @Override
        public String name() {
            return JobConfig.LOCAL;
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** A cluster profile, by name. */
    record Cluster(String name) implements RunTarget {
        public Cluster {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.strip().equalsIgnoreCase(JobConfig.LOCAL)) {
                throw new IllegalArgumentException("not a cluster profile name: \"" + name + "\"");
            }
        }

        @Override
        public boolean isLocal() {
            return false;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
