package dev.hpsearch.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.analysis.Choice;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.text.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a choice among the results exports, written the same way by {@code hpsearch choose} and the Selection view:
 * a combination as a ready input.json, and the ensemble of good settings ({@code ensemble.json}).
 */
public final class ChoiceFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChoiceFiles() {
    }

    /**
     * The input.json of a combination, ready to run: the one hpsearch wrote into its folder (without its
     * {@code save_folder}, which names that combination's folder); where there is none, the model config's template
     * with the combination's values; for a table read on its own, the hyperparameters' values alone.
     *
     * @param searchDir the search folder, or {@code null} for a table without its folders
     * @param model     the search's model config, or {@code null} when unknown
     * @throws IllegalArgumentException when the table has no combination {@code id}
     */
    public static ObjectNode input(Path searchDir, ModelConfig model, ResultTable table, int id) throws IOException {
        if (searchDir != null) {
            Path file = SearchFolder.inputJson(searchDir, id);
            if (Files.exists(file)) {
                JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
                if (node instanceof ObjectNode o) {
                    o.remove("save_folder");
                    return o;
                }
            }
        }
        ResultRow row = table.rows().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no combination " + id + " in these results"));
        if (model != null && model.space().dimension() == row.values().size()) {
            ObjectNode o = model.space().render(model.template(), new Combination(row.values()));
            o.remove("save_folder");
            return o;
        }
        ObjectNode o = JSON.createObjectNode();
        for (int j = 0; j < table.hyperparameters().size(); j++) {
            o.set(table.hyperparameters().get(j), row.values().get(j));
        }
        return o;
    }

    /** The ensemble: each kept setting with its weight (its probability of being the best) and its input.json. */
    public static ObjectNode ensemble(Path searchDir, ModelConfig model, ResultTable table, Choice.Result choice)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("weights_are", "each setting's probability of being the best under the GP, renormalized over the"
                + " settings kept (at least " + Choice.ENSEMBLE_FLOOR + ")");
        ArrayNode members = root.putArray("members");
        for (Map.Entry<Choice.Setting, Double> e : choice.ensemble().entrySet()) {
            ObjectNode m = members.addObject();
            m.put("combination_id", e.getKey().id());
            m.put("weight", e.getValue());
            m.set("input", input(searchDir, model, table, e.getKey().id()));
        }
        return root;
    }

    /** Writes {@code node} as indented JSON, replacing {@code file} at once (never a half-written file). */
    public static void write(Path file, JsonNode node) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".hpsearch-", ".tmp");
        try {
            Files.writeString(tmp, node.toPrettyString() + "\n", StandardCharsets.UTF_8);
            AtomicFiles.replace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
