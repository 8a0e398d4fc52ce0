package dev.hpsearch.app.gui.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.app.gui.cluster.ClusterProfilesViewModel;
import dev.hpsearch.app.gui.cluster.ClusterService;
import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.JsonText;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.search.FieldSpec;
import dev.hpsearch.app.gui.search.FieldSpec.Group;
import dev.hpsearch.app.gui.search.FieldSpec.Kind;
import dev.hpsearch.app.gui.search.FieldViewModel;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.config.Problems;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.transport.SshPrompts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The job_config.json form, the script test run and the cluster connection test. */
public final class JobConfigViewModel {
    private static final Set<String> CLUSTER = Set.of("cluster");

    /** The seed's job_config variables and the Slurm extras. */
    public static final List<FieldSpec> FIELDS = List.of(
            new FieldSpec("environment_path", Group.BASICS, Kind.TEXT, List.of(), "python3", true, Set.of(),
                    "Interpreter that runs your analysis: python3, Rscript, perl, bash, or a path to one."),
            new FieldSpec("script_path", Group.BASICS, Kind.TEXT, List.of(), "", true, Set.of(),
                    "Your script that runs one analysis: it reads input.json and writes output.json. Relative paths "
                    + "are taken from the project folder."),
            new FieldSpec("cluster", Group.BASICS, Kind.CHOICE, List.of(), "local", true, Set.of(),
                    "Where runs happen: local (this machine) or a cluster profile."),
            new FieldSpec("time", Group.BASICS, Kind.NUMBER, List.of(), "2", true, Set.of(),
                    "Time in hours allowed for one run of your analysis; a run still going is stopped and counts as "
                    + "failed."),
            new FieldSpec("memory", Group.BASICS, Kind.INTEGER, List.of(), "4", true, Set.of(),
                    "Memory in GB for one run (enforced on a cluster)."),
            new FieldSpec("processor_type", Group.BASICS, Kind.CHOICE, List.of("CPU", "GPU"), "CPU", true, Set.of(),
                    "Type of processor one run needs."),
            new FieldSpec("num_processors", Group.BASICS, Kind.INTEGER, List.of(), "1", true, Set.of(),
                    "Processors for one run."),
            new FieldSpec("partition", Group.BOPT, Kind.TEXT, List.of(), "", false, CLUSTER,
                    "Slurm partition; empty to use the cluster profile's."),
            new FieldSpec("account", Group.BOPT, Kind.TEXT, List.of(), "", false, CLUSTER, "Slurm account (--account)."),
            new FieldSpec("qos", Group.BOPT, Kind.TEXT, List.of(), "", false, CLUSTER, "Slurm quality of service (--qos)."),
            new FieldSpec("constraint", Group.BOPT, Kind.TEXT, List.of(), "", false, CLUSTER,
                    "Slurm node constraint (--constraint)."),
            new FieldSpec("sbatch_args", Group.BOPT, Kind.TEXT, List.of(), "", false, CLUSTER,
                    "Further sbatch arguments separated by spaces, e.g. --exclusive."),
            new FieldSpec("upload", Group.BOPT, Kind.TEXT, List.of(), "", false, CLUSTER,
                    "Files or folders of the project (relative to its folder, separated by commas), e.g. data, lib/helpers.R: "
                    + "copied to the same place in the cluster's project folder before the first job; unchanged files "
                    + "are not sent again. The cluster cannot see this machine's files otherwise."),
            new FieldSpec("gpu_type", Group.BOPT, Kind.TEXT, List.of(), "", false, CLUSTER,
                    "GPU type of a GPU job as the cluster names it, e.g. a100: --gres=gpu:TYPE:N, N = num_processors."),
            new FieldSpec("cpus_per_task", Group.BOPT, Kind.INTEGER, List.of(), "", false, CLUSTER,
                    "CPUs of one run (-c) when they differ from num_processors: beside the GPUs of a GPU job, or "
                    + "instead of num_processors for a CPU job."),
            new FieldSpec("container", Group.BOPT, Kind.TEXT, List.of(), "", false, CLUSTER,
                    "Apptainer/Singularity image the analysis runs in on the cluster (apptainer exec IMAGE ...; --nv "
                    + "for GPU jobs); relative to the cluster's project folder, or a URI such as docker://python:3.11."),
            new FieldSpec("modules", Group.BOPT, Kind.TEXT, List.of(), "", false, CLUSTER,
                    "Environment modules loaded before each run (separated by commas), e.g. gcc/12, python/3.11."));

    private final Project project;
    private final TaskRunner tasks;
    private final TestRunService testRuns;
    private final ClusterService cluster;
    private final Map<String, FieldViewModel> fields = new LinkedHashMap<>();
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty testSummary = new SimpleStringProperty("");
    private final StringProperty testDetails = new SimpleStringProperty("");
    private final StringProperty connectionStatus = new SimpleStringProperty("");
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private ObjectNode original = JsonNodeFactory.instance.objectNode();
    private boolean loading;

    private final SshPrompts prompts;
    private final DialogService dialogs;

    /** A form whose connection test cannot ask questions (unknown host keys are refused). */
    public JobConfigViewModel(Project project, TaskRunner tasks, TestRunService testRuns, ClusterService cluster) {
        this(project, tasks, testRuns, cluster, SshPrompts.nonInteractive(), null);
    }

    /**
     * @param prompts SSH's questions for the connection test
     * @param dialogs shows the warning about a changed host key; may be {@code null}
     */
    public JobConfigViewModel(Project project, TaskRunner tasks, TestRunService testRuns, ClusterService cluster,
                              SshPrompts prompts, DialogService dialogs) {
        this.project = project;
        this.tasks = tasks;
        this.testRuns = testRuns;
        this.cluster = cluster;
        this.prompts = prompts;
        this.dialogs = dialogs;
        for (FieldSpec s : FIELDS) {
            FieldViewModel f = new FieldViewModel(s);
            fields.put(s.key(), f);
            f.textProperty().addListener((o, a, b) -> {
                if (!loading) {
                    validate();
                }
            });
        }
        validate();
        refreshProfiles();
    }

    public FieldViewModel field(String key) {
        return fields.get(key);
    }

    public List<FieldViewModel> fields() {
        return new ArrayList<>(fields.values());
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public BooleanProperty validProperty() {
        return valid;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty testSummaryProperty() {
        return testSummary;
    }

    public StringProperty testDetailsProperty() {
        return testDetails;
    }

    public StringProperty connectionStatusProperty() {
        return connectionStatus;
    }

    public Project project() {
        return project;
    }

    public void load() {
        tasks.run(() -> JsonFiles.read(project.jobConfig(), project.jobConfig().toString()), this::setDocument,
                e -> status.set("Cannot read job_config.json: " + IoErrors.describe(e)));
    }

    public void setDocument(JsonNode root) {
        original = root.isObject() ? ((ObjectNode) root).deepCopy() : JsonNodeFactory.instance.objectNode();
        loading = true;
        try {
            for (FieldViewModel f : fields.values()) {
                JsonNode v = original.get(f.spec().key());
                String text = v == null ? f.spec().recommendation()
                        : f.spec().key().equals("sbatch_args") ? String.join(" ", strings(v))
                        : f.spec().key().equals("upload") || f.spec().key().equals("modules")
                        ? String.join(", ", strings(v)) : JsonText.display(v);
                f.textProperty().set(text);
            }
        } finally {
            loading = false;
        }
        validate();
    }

    /** Re-reads the profile names (after a profile was saved), keeping the field's value. */
    public void refreshProfiles() {
        tasks.run(cluster::profiles, names -> {
            String current = field("cluster").textProperty().get();
            profiles.setAll(names);
            field("cluster").textProperty().set(current);
            validate();
        }, e -> { });
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** The file content the form describes; unknown keys kept, empty optional Slurm keys left out. */
    public ObjectNode document() {
        ObjectNode root = original.deepCopy();
        for (FieldViewModel f : fields.values()) {
            String key = f.spec().key();
            String t = f.textProperty().get() == null ? "" : f.textProperty().get().trim();
            boolean optional = !f.spec().appliesTo().isEmpty();
            if (optional && t.isEmpty()) {
                root.remove(key);
                continue;
            }
            switch (f.spec().kind()) {
                case NUMBER:
                case INTEGER:
                    root.set(key, JsonText.number(t));
                    break;
                default:
                    if (key.equals("sbatch_args")) {
                        ArrayNode a = root.putArray(key);
                        for (String s : t.split("\\s+")) {
                            a.add(s);
                        }
                    } else if (key.equals("upload") || key.equals("modules")) {
                        ArrayNode a = root.putArray(key);
                        for (String s : t.split("\\s*,\\s*")) {
                            if (!s.isEmpty()) {
                                a.add(s);
                            }
                        }
                    } else {
                        root.set(key, TextNode.valueOf(t));
                    }
            }
        }
        return root;
    }

    public void validate() {
        Problems problems = new Problems();
        // the real file name, so that upload entries are looked for in the project folder
        new ConfigLoader().readJob(document(), project.jobConfig().toString(), problems);
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (ConfigProblem p : problems.all()) {
            if (p.isError() && p.jsonPath() != null && p.jsonPath().startsWith("$.")) {
                byField.computeIfAbsent(p.jsonPath().substring(2).replaceAll("\\[\\d+]$", ""), k -> new ArrayList<>())
                        .add(p.message());
            }
        }
        String c = field("cluster").textProperty().get();
        boolean remote = c != null && !c.isBlank() && !c.equalsIgnoreCase("local");
        for (FieldViewModel f : fields.values()) {
            List<String> m = byField.get(f.spec().key());
            String error = m == null ? "" : String.join("; ", m);
            if (f.spec().key().equals("cluster") && remote && !cluster.remoteAvailable()) {
                error = dev.hpsearch.app.gui.cluster.LocalOnlyClusterService.NOT_AVAILABLE;
            } else if (f.spec().key().equals("cluster") && remote && error.isEmpty()
                    && profiles.stream().noneMatch(n -> n.equalsIgnoreCase(c.strip()))) {
                error = "No cluster profile named \"" + c.strip() + "\"; add it in the Clusters tab";
            }
            f.errorProperty().set(error);
            f.enabledProperty().set(f.spec().appliesTo().isEmpty() || remote);
        }
        valid.set(!problems.hasErrors());
    }

    public void save(Runnable onSaved) {
        validate();
        if (!valid.get()) {
            status.set("Not saved: fix the marked fields first");
            return;
        }
        ObjectNode doc = document();
        tasks.run(() -> {
            JsonText.write(doc, project.jobConfig());
            return doc;
        }, d -> {
            original = d.deepCopy();
            status.set("Saved " + project.jobConfig().getFileName());
            if (onSaved != null) {
                onSaved.run();
            }
        }, e -> status.set("Not saved: " + IoErrors.describe(e)));
    }

    /** Runs the script once on the example values, off the UI thread. */
    public void testRun() {
        running.set(true);
        testSummary.set("Running the script once…");
        testDetails.set("");
        ObjectNode doc = document();
        tasks.run(() -> testRuns.run(project, doc), r -> {
            running.set(false);
            testSummary.set((r.ok() ? "✔ " : "✘ ") + r.summary());
            testDetails.set(r.details());
        }, e -> {
            running.set(false);
            testSummary.set("✘ Test run failed: " + IoErrors.describe(e));
        });
    }

    /** Connects with the chosen profile and asks Slurm for its version and partitions, off the UI thread. */
    public void testConnection() {
        String profile = field("cluster").textProperty().get();
        if (profile == null || profile.isBlank() || profile.equalsIgnoreCase("local")) {
            connectionStatus.set("✔ local: runs on this machine, nothing to connect to");
            return;
        }
        connectionStatus.set("Testing " + profile + "…");
        tasks.run(() -> cluster.find(profile).map(p -> cluster.test(p, prompts))
                        .orElse(ClusterService.ConnectionCheck.failed("No cluster profile named \"" + profile + "\"")),
                r -> {
                    connectionStatus.set((r.ok() ? "✔ " : "✘ ") + r.message());
                    if (r.hostKeyChanged() && dialogs != null) {
                        dialogs.showError(ClusterProfilesViewModel.HOST_KEY_CHANGED, r.message());
                    }
                },
                e -> connectionStatus.set("✘ " + IoErrors.describe(e)));
    }
}
