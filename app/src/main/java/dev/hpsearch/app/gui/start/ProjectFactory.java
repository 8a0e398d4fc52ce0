package dev.hpsearch.app.gui.start;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Creates project folders: a copy of the demo, a template in one of the script languages, or a project built
 * around the user's own example {@code input.json} (its keys become the model config's rows).
 */
public final class ProjectFactory {
    private static final String BASE = "/dev/hpsearch/app/gui/shipped/";
    static final List<String> DEMO_FILES = List.of("model_config.json", "search_config.json",
            "search_config_grid.json", "search_config_bopt.json", "job_config.json", "iris.csv",
            "input_example.json", "train_logreg.py", "README.md", "DATA_LICENSE.md");

    /** A template language: the script file and the interpreter that runs it. */
    public enum Template {
        PYTHON("Python", "my_analysis_template.py", "python3"),
        R("R", "my_analysis_template.R", "Rscript"),
        PERL("Perl", "my_analysis_template.pl", "perl"),
        BASH("bash", "my_analysis_template.sh", "bash");

        private final String label;
        final String script;
        final String interpreter;

        Template(String label, String script, String interpreter) {
            this.label = label;
            this.script = script;
            this.interpreter = interpreter;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Copies the demo (softmax regression on Iris) into {@code folder}. */
    public Project fromDemo(Path folder) throws IOException {
        prepare(folder);
        for (String f : DEMO_FILES) {
            copy("demo/" + f, folder.resolve(f));
        }
        return Project.open(folder);
    }

    /** A project from the templates, with the script of the chosen language. */
    public Project fromTemplate(Path folder, Template t) throws IOException {
        prepare(folder);
        copy("templates/search_config_template.json", folder.resolve(Project.SEARCH));
        copy("templates/model_config_template.json", folder.resolve(Project.MODEL));
        copy("templates/my_input_template.json", folder.resolve("my_input_template.json"));
        copy("templates/README.md", folder.resolve("README.md"));
        copy("templates/" + t.script, folder.resolve(t.script));
        folder.resolve(t.script).toFile().setExecutable(true);
        ObjectNode job = (ObjectNode) readResource("templates/job_config_template.json");
        job.put("environment_path", t.interpreter);
        job.put("script_path", t.script);
        job.put("processor_type", "CPU");
        write(job, folder.resolve(Project.JOB));
        return Project.open(folder);
    }

    /**
     * A project around the user's example input: model_config.json holds every key of the input (save_folder
     * left out, as hpsearch sets it) as a constant; search and job configs take the seed's recommendations.
     * The user then marks hyperparameters and names the script in the forms.
     */
    public Project fromExampleInput(Path folder, Path exampleInput) throws IOException {
        JsonNode input;
        try {
            input = JsonFiles.read(exampleInput, exampleInput.toString());
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (!input.isObject()) {
            throw new IOException(exampleInput + ": expected a JSON object with your script's inputs");
        }
        prepare(folder);
        ObjectNode model = ((ObjectNode) input).deepCopy();
        model.remove("save_folder");
        write(model, folder.resolve(Project.MODEL));
        Files.copy(exampleInput, folder.resolve("input_example.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        copy("templates/search_config_template.json", folder.resolve(Project.SEARCH));
        ObjectNode job = (ObjectNode) readResource("templates/job_config_template.json");
        job.put("script_path", "");
        job.put("processor_type", "CPU");
        write(job, folder.resolve(Project.JOB));
        return Project.open(folder);
    }

    /**
     * Makes sure {@code folder} is empty (creating it if needed): a new project never mixes with files already
     * there, whose names could clash with the project's or which the user would not expect to find in it.
     */
    private static void prepare(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> present = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                present.add(p.getFileName().toString());
            }
        }
        if (present.isEmpty()) {
            return;
        }
        Collections.sort(present);
        boolean project = present.contains(Project.SEARCH) || present.contains(Project.JOB)
                || present.contains(Project.MODEL);
        String shown = String.join(", ", present.subList(0, Math.min(3, present.size())))
                + (present.size() > 3 ? " and " + (present.size() - 3) + " more" : "");
        throw new IOException(folder + " already holds " + shown + "; choose an empty folder"
                + (project ? " or open it as a project" : ""));
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = ProjectFactory.class.getResourceAsStream(BASE + resource)) {
            if (in == null) {
                throw new IOException("this build lacks the shipped file " + resource);
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static JsonNode readResource(String resource) throws IOException {
        try (InputStream in = ProjectFactory.class.getResourceAsStream(BASE + resource)) {
            if (in == null) {
                throw new IOException("this build lacks the shipped file " + resource);
            }
            return JsonFiles.STRICT.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static void write(JsonNode node, Path file) throws IOException {
        Files.writeString(file, JsonFiles.STRICT.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n",
                StandardCharsets.UTF_8);
    }
}
