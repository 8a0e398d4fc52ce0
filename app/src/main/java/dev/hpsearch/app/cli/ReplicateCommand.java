package dev.hpsearch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.service.PreparedSearch;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.text.Numbers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hpsearch replicate}: runs the best combinations of a search again, for the noise of the score. */
@Command(name = "replicate", mixinStandardHelpOptions = true,
        description = {"Runs each of the K best combinations of a search N more times, each replicate with its own "
                + "value of search_config.json's replicate_key (a seed or a data-split id), so that hpsearch choose "
                + "measures the noise of the score from replicates.",
                "Runs where the search ran (this machine, or the cluster it was started on), appending to the same "
                        + "folder: each replicate is a combination of its own whose replicate_of column names the "
                        + "original. Exits 1 when no replicate got a score, 2 for bad input."})
final class ReplicateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SEARCH_DIR", description = "The hp_search_{id} folder.")
    Path searchDir;

    @Option(names = "--top", paramLabel = "K", required = true, description = "How many of the best combinations.")
    int top;

    @Option(names = "--n", paramLabel = "N", required = true, description = "Replicates of each.")
    int n;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: the replicates run, on standard output (progress goes to standard"
                    + " error).")
    String format;

    @Mixin
    ClusterOptions clusters = new ClusterOptions();

    @Option(names = {"--quiet", "-q"}, description = "No progress line.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("error: --format: got \"" + format + "\"; allowed: text, json");
            err.flush();
            return ExitCodes.CONFIG;
        }
        boolean json = format.equals("json");
        Path dir = searchDir.toAbsolutePath().normalize();
        PreparedSearch prepared = clusters.service(err).prepareReplicates(dir, top, n, RunCommand.problemsTo(err));
        int firstNew = SearchState.replay(Journal.read(dir)).nextId();
        int status = SearchRunner.run(prepared, json ? err : out, err, quiet);
        List<TrialRecord> made = made(dir, firstNew);
        if (json) {
            out.println(json(dir, made, status).toPrettyString());
        } else {
            text(out, made);
        }
        out.flush();
        if (status != ExitCodes.OK) {
            return status;
        }
        if (made.stream().noneMatch(t -> t.status() == TrialStatus.OK)) {
            err.println("error: no replicate got a score; see the search log " + dir.resolve("log.txt"));
            err.flush();
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /** The replicates this run journaled. */
    private static List<TrialRecord> made(Path dir, int firstNew) throws IOException {
        return SearchState.replay(Journal.read(dir)).trials().stream()
                .filter(t -> t.isReplicate() && t.id() >= firstNew).toList();
    }

    private static ObjectNode json(Path dir, List<TrialRecord> made, int status) {
        ObjectNode root = JSON.createObjectNode();
        root.put("search_dir", dir.toString());
        root.put("complete", status == ExitCodes.OK);
        ArrayNode list = root.putArray("replicates");
        for (TrialRecord t : made) {
            ObjectNode r = list.addObject();
            r.put("combination_id", t.id());
            r.put("replicate_of", t.replicateOf());
            r.set("replicate_value", t.replicateValue());
            r.put("status", t.status().key());
            if (t.loss() != null) {
                r.put("loss", t.loss());
            } else {
                r.putNull("loss");
            }
        }
        return root;
    }

    private static void text(PrintWriter out, List<TrialRecord> made) {
        out.println(made.size() + " replicate(s) run:");
        for (TrialRecord t : made) {
            out.println("  combination " + t.id() + ": replicate of " + t.replicateOf() + " with "
                    + Numbers.full(t.replicateValue()) + ": " + t.status().key()
                    + (t.loss() == null ? "" : ", loss " + Numbers.display(t.loss())));
        }
    }
}
