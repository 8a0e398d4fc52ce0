package dev.hpsearch.app.gui.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.config.ConfigProblem;
import java.util.List;

/** Checks a model config with the loader's rules. Blocking: call off the UI thread. */
public interface ModelValidator {
    /** Problems of the model config, JSON paths relative to its root ({@code $.optimizer.l2.domain}). */
    List<ConfigProblem> validate(ObjectNode model) throws Exception;
}
