package dev.hpsearch.app.gui.job;

import dev.hpsearch.app.service.UserFacingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.common.JsonText;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.config.Problems;
import dev.hpsearch.optimizer.engine.CommandLine;
import dev.hpsearch.optimizer.engine.OutputParser;
import dev.hpsearch.optimizer.engine.ScriptOutput;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the script once on this machine: with the project's example input ({@code input_example.json} or
 * {@code my_input_template.json}) when there is one, else with the model config at the middle of every
 * hyperparameter's range.
 */
public final class LocalTestRunService implements TestRunService {
    private static final long MAX_SECONDS = 600;
    private static final int MAX_OUTPUT = 20_000;

    @Override
    public TestRunResult run(Project project, ObjectNode jobDoc) throws UserFacingException, InterruptedException {
        try {
            return runOnce(project, jobDoc);
        } catch (ConfigException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, "Fix the model config first: "
                    + e.getMessage(), e.problems(), e);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, "Cannot run the script once: "
                    + IoErrors.describe(e), e);
        }
    }

    private TestRunResult runOnce(Project project, ObjectNode jobDoc)
            throws IOException, ConfigException, InterruptedException {
        Problems problems = new Problems();
        JobConfig job = new ConfigLoader().readJob(jobDoc, Project.JOB, problems);
        if (job == null || problems.hasErrors()) {
            return new TestRunResult(false, "Fix the job config first", problems.all().toString());
        }
        Path dir = Files.createTempDirectory("hpsearch-test-run-");
        ObjectNode input = exampleInput(project);
        input.put("save_folder", dir.toString());
        Path inputJson = dir.resolve("input.json");
        JsonText.write(input, inputJson);
        List<String> cmd = CommandLine.of(job, project.folder(), inputJson);
        Path log = dir.resolve("log.txt");
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(project.folder().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return new TestRunResult(false, "Could not start: " + IoErrors.describe(e), String.join(" ", cmd));
        }
        long limit = Math.min(MAX_SECONDS, Math.max(1, (long) (job.timeHours() * 3600)));
        boolean finished;
        try {
            finished = p.waitFor(limit, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw e;
        }
        if (!finished) {
            p.destroyForcibly();
        }
        StringBuilder details = new StringBuilder();
        details.append("$ ").append(String.join(" ", cmd)).append("\n\n");
        details.append(tail(log, MAX_OUTPUT));
        Path output = dir.resolve("output.json");
        boolean hasOutput = Files.exists(output);
        if (hasOutput) {
            details.append("\noutput.json:\n").append(head(output, MAX_OUTPUT));
        }
        details.append("\n(run folder: ").append(dir).append(")");
        if (!finished) {
            return new TestRunResult(false, "Stopped after " + limit + " s without finishing", details.toString());
        }
        int exit = p.exitValue();
        if (exit != 0) {
            return new TestRunResult(false, "The script exited with status " + exit, details.toString());
        }
        if (!hasOutput) {
            return new TestRunResult(true, "Ran fine (exit 0) but wrote no output.json: an analysis without a score",
                    details.toString());
        }
        // judged as a search would judge it, and read the same bounded way
        ScriptOutput o = new OutputParser().parse(output);
        if (!o.hasScore()) {
            return new TestRunResult(false, "output.json cannot be used: " + o.error(), details.toString());
        }
        return new TestRunResult(true, "Ran fine: output.json " + abbreviate(head(output, 200).strip())
                + (o.note() == null ? "" : " (" + o.note() + ")"), details.toString());
    }

    /** The start of a file, at most {@code max} bytes of it. */
    private static String head(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(max);
            return new String(b, StandardCharsets.UTF_8) + (Files.size(file) > max ? "…" : "");
        }
    }

    /** The end of a file, at most {@code max} bytes of it (a script may print a lot). */
    private static String tail(Path file, int max) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            ch.position(Math.max(0, size - max));
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(max, size));
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // fill
            }
            return (size > max ? "…" : "") + new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    /** The example input, or the model config at the middle of the space. */
    static ObjectNode exampleInput(Project project) throws IOException, ConfigException {
        for (String name : List.of("input_example.json", "my_input_template.json")) {
            Path p = project.folder().resolve(name);
            if (Files.isRegularFile(p)) {
                JsonNode n = JsonFiles.read(p, name);
                if (n.isObject()) {
                    return (ObjectNode) n;
                }
            }
        }
        Configs c = new ConfigLoader().load(project.searchConfig(), project.jobConfig(), project.modelConfig());
        SearchSpace space = c.model().space();
        double[] middle = new double[space.dimension()];
        for (int i = 0; i < middle.length; i++) {
            middle[i] = space.get(i).isCategorical() ? 0 : 0.5;
        }
        return space.render(c.model().template(), space.at(middle));
    }
}
