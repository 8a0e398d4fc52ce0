package dev.hpsearch.optimizer.config;

import java.util.List;
import java.util.stream.Collectors;

/** A user's config files cannot be used; carries one message per problem. */
public final class ConfigException extends Exception {
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /** Every problem found, errors and warnings. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
