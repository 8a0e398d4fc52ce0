package dev.hpsearch.optimizer.config;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a config is read, so that the user sees all of them at once. */
public final class Problems {
    private final List<ConfigProblem> list = new ArrayList<>();

    public void error(String file, String path, String message) {
        list.add(new ConfigProblem(ConfigProblem.Severity.ERROR, file, path, message));
    }

    public void warning(String file, String path, String message) {
        list.add(new ConfigProblem(ConfigProblem.Severity.WARNING, file, path, message));
    }

    public void addAll(List<ConfigProblem> problems) {
        list.addAll(problems);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(ConfigProblem::isError);
    }

    public List<ConfigProblem> all() {
        return List.copyOf(list);
    }

    public List<ConfigProblem> warnings() {
        return list.stream().filter(p -> !p.isError()).toList();
    }

    /** Throws if any error was recorded; warnings alone do not stop anything. */
    public void throwIfErrors() throws ConfigException {
        if (hasErrors()) {
            throw new ConfigException(list);
        }
    }
}
