package dev.hpsearch.app.gui.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.cluster.ClusterProfilesViewModel;
import dev.hpsearch.app.gui.common.ConfigDocument;
import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.FieldViewModel;
import dev.hpsearch.app.gui.common.SchemaFormViewModel;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.service.ClusterService;
import dev.hpsearch.app.service.ConnectionPrompts;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.optimizer.config.ConfigKey;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigSchema;
import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.config.Problems;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.transport.SshPrompts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The job_config.json form, rendered from {@link ConfigSchema#job()}, the script test run and the cluster
 * connection test.
 */
public final class JobConfigViewModel extends SchemaFormViewModel {
    private final Project project;
    private final TaskRunner tasks;
    private final TestRunService testRuns;
    private final ClusterService cluster;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty testSummary = new SimpleStringProperty("");
    private final StringProperty testDetails = new SimpleStringProperty("");
    private final StringProperty connectionStatus = new SimpleStringProperty("");
    private final ObservableList<String> profiles = FXCollections.observableArrayList();

    private final ConnectionPrompts prompts;
    private final DialogService dialogs;

    /** A form whose connection test cannot ask questions (unknown host keys are refused). */
    public JobConfigViewModel(Project project, TaskRunner tasks, TestRunService testRuns, ClusterService cluster) {
        this(project, tasks, testRuns, cluster, ConnectionPrompts.nonInteractive(), null);
    }

    /**
     * @param prompts SSH's questions for the connection test
     * @param dialogs shows the warning about a changed host key; may be {@code null}
     */
    public JobConfigViewModel(Project project, TaskRunner tasks, TestRunService testRuns, ClusterService cluster,
                              ConnectionPrompts prompts, DialogService dialogs) {
        super(new ConfigDocument("Job", project.jobConfig(), tasks, "fields"), ConfigSchema.job());
        this.project = project;
        this.tasks = tasks;
        this.testRuns = testRuns;
        this.cluster = cluster;
        this.prompts = prompts;
        this.dialogs = dialogs;
        attach();
        validProperty().set(validate());
        refreshProfiles();
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public BooleanProperty runningProperty() {
        return running;
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

    /** Re-reads the profile names (after a profile was saved), keeping the field's value. */
    public void refreshProfiles() {
        tasks.run(cluster::profiles, names -> {
            String current = field("cluster").textProperty().get();
            profiles.setAll(names);
            field("cluster").textProperty().set(current);
            validProperty().set(validate());
        }, e -> { });
    }

    @Override
    public boolean validate() {
        Problems problems = new Problems();
        // the real file name, so that upload entries are looked for in the project folder
        new ConfigLoader().readJob(document(), project.jobConfig().toString(), problems);
        String c = field(ConfigSchema.CLUSTER.key()).textProperty().get();
        boolean remote = !RunTarget.parse(c).isLocal();
        form().showProblems(problems.all(), k -> k.relevance() != ConfigKey.Relevance.CLUSTER || remote);
        FieldViewModel clusterField = field(ConfigSchema.CLUSTER.key());
        if (remote && !cluster.remoteAvailable()) {
            clusterField.errorProperty().set(dev.hpsearch.app.service.LocalOnlyClusterService.NOT_AVAILABLE);
        } else if (remote && clusterField.errorProperty().get().isEmpty()
                && profiles.stream().noneMatch(n -> n.equalsIgnoreCase(c.strip()))) {
            clusterField.errorProperty().set("No cluster profile named \"" + c.strip() + "\"; add it in the Clusters tab");
        }
        return !problems.hasErrors();
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
        if (RunTarget.parse(profile).isLocal()) {
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
