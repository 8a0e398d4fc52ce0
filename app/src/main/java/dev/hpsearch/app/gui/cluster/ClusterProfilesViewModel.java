package dev.hpsearch.app.gui.cluster;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.service.ClusterService;
import dev.hpsearch.app.service.ConnectionPrompts;
import dev.hpsearch.app.service.ProfileDraft;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.SshPrompts;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Cluster connections: the list of profiles, the form of the selected one (saved to the user's clusters.json),
 * the connection test and the remote folder for the project.
 */
public final class ClusterProfilesViewModel {
    private final ClusterService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ConnectionPrompts prompts;
    private final String projectName;
    private final ObservableList<ClusterService.ProfileEntry> entries = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty identityFile = new SimpleStringProperty("");
    private final StringProperty knownHosts = new SimpleStringProperty("");
    private final StringProperty cpuPartition = new SimpleStringProperty("");
    private final StringProperty gpuPartition = new SimpleStringProperty("");
    private final StringProperty setup = new SimpleStringProperty("");
    private final StringProperty remoteRoot = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty hostError = new SimpleStringProperty("");
    private final StringProperty portError = new SimpleStringProperty("");
    private final BooleanProperty valid = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty connection = new SimpleStringProperty("");
    private final StringProperty connectionDetails = new SimpleStringProperty("");
    private final StringProperty origin = new SimpleStringProperty("");
    private final ObservableStringValue remoteProject;

    /**
     * @param prompts     SSH's questions; the desktop app's show dialogs on the UI thread
     * @param projectName the open project's folder name, which the project gets under the remote root
     */
    public ClusterProfilesViewModel(ClusterService service, TaskRunner tasks, DialogService dialogs, ConnectionPrompts prompts,
                                    String projectName) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.prompts = prompts;
        this.projectName = projectName;
        for (StringProperty p : List.of(name, host, port)) {
            p.addListener((o, a, b) -> validate());
        }
        remoteProject = Bindings.createStringBinding(() -> (remoteRoot.get() == null || remoteRoot.get().isBlank()
                ? "hpsearch" : remoteRoot.get().strip()) + "/" + projectName, remoteRoot);
        validate();
    }

    // ---- properties

    public ObservableList<ClusterService.ProfileEntry> entries() {
        return entries;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty identityFileProperty() {
        return identityFile;
    }

    public StringProperty knownHostsProperty() {
        return knownHosts;
    }

    public StringProperty cpuPartitionProperty() {
        return cpuPartition;
    }

    public StringProperty gpuPartitionProperty() {
        return gpuPartition;
    }

    /** Set-up lines, one per line. */
    public StringProperty setupProperty() {
        return setup;
    }

    public StringProperty remoteRootProperty() {
        return remoteRoot;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    public StringProperty hostErrorProperty() {
        return hostError;
    }

    public StringProperty portErrorProperty() {
        return portError;
    }

    public BooleanProperty validProperty() {
        return valid;
    }

    /** True while connecting or saving. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** One line: the last connection test's outcome. */
    public StringProperty connectionProperty() {
        return connection;
    }

    public StringProperty connectionDetailsProperty() {
        return connectionDetails;
    }

    /** Where the profile in the form comes from: a preset, the user's file, or new. */
    public StringProperty originProperty() {
        return origin;
    }

    /** The project's folder on the cluster: {@code {remote_root}/{project folder name}}. */
    public ObservableStringValue remoteProjectProperty() {
        return remoteProject;
    }

    public ConnectionPrompts prompts() {
        return prompts;
    }

    public ClusterService service() {
        return service;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    // ---- actions

    /** Reads the profiles; selects {@code select} afterwards when given. */
    public void load(String select) {
        tasks.run(service::list, list -> {
            entries.setAll(list);
            if (select != null) {
                list.stream().filter(e -> e.profile().name().equalsIgnoreCase(select)).findFirst().ifPresent(this::edit);
            }
        }, e -> status.set("Cannot read the cluster profiles: " + IoErrors.describe(e)));
    }

    /** Shows a profile in the form. */
    public void edit(ClusterService.ProfileEntry entry) {
        ProfileDraft d = entry.profile();
        name.set(d.name());
        host.set(d.host());
        port.set(d.port());
        user.set(d.user());
        identityFile.set(d.identityFile());
        knownHosts.set(d.knownHosts());
        cpuPartition.set(d.cpuPartition());
        gpuPartition.set(d.gpuPartition());
        setup.set(String.join("\n", d.setup()));
        remoteRoot.set(d.remoteRoot());
        origin.set(entry.user() ? "Your profile, in " + service.profilesFile()
                : "A preset: saving it writes your own copy to " + service.profilesFile());
        connection.set("");
        connectionDetails.set("");
    }

    /** An empty form for a new profile. */
    public void newProfile() {
        for (StringProperty p : List.of(name, host, port, user, identityFile, knownHosts, cpuPartition, gpuPartition,
                setup, remoteRoot)) {
            p.set("");
        }
        origin.set("New profile: saved to " + service.profilesFile());
        connection.set("");
        connectionDetails.set("");
    }

    public ProfileDraft draft() {
        return new ProfileDraft(name.get(), host.get(), port.get(), user.get(), identityFile.get(), knownHosts.get(),
                cpuPartition.get(), gpuPartition.get(), Arrays.asList(setup.get() == null ? new String[0]
                        : setup.get().split("\\R")), remoteRoot.get());
    }

    void validate() {
        String n = name.get() == null ? "" : name.get().strip();
        nameError.set(n.isEmpty() ? "A name is required: job_config.json's \"cluster\" uses it"
                : !n.matches("[A-Za-z0-9_.-]+") ? "Use letters, digits, '_', '.', '-'"
                : RunTarget.parse(n).isLocal() ? "\"" + RunTarget.LOCAL.name() + "\" means this machine; choose another name" : "");
        hostError.set(host.get() == null || host.get().isBlank() ? "The submit host (a name, an address or an SSH"
                + " config alias) is required" : "");
        String p = port.get() == null ? "" : port.get().strip();
        String pe = "";
        if (!p.isEmpty()) {
            try {
                int v = Integer.parseInt(p);
                pe = v < 1 || v > 65535 ? "A port is 1..65535" : "";
            } catch (NumberFormatException e) {
                pe = "A port is a number 1..65535 (empty for the SSH config's or 22)";
            }
        }
        portError.set(pe);
        valid.set(nameError.get().isEmpty() && hostError.get().isEmpty() && portError.get().isEmpty());
    }

    /** Saves the form to the user's clusters.json. */
    public void save() {
        validate();
        if (!valid.get()) {
            status.set("Not saved: fix the marked fields first");
            return;
        }
        ProfileDraft d = draft();
        busy.set(true);
        tasks.run(() -> {
            service.save(d);
            return d;
        }, saved -> {
            busy.set(false);
            status.set("Saved " + saved.name().strip() + " to " + service.profilesFile());
            load(saved.name().strip());
        }, e -> {
            busy.set(false);
            status.set(IoErrors.describe(e));
        });
    }

    /**
     * Connects with the profile as the form describes it (saved or not) and asks Slurm for its version and
     * partitions. A changed host key is reported as refused, with a warning dialog: it cannot be accepted here.
     */
    public void testConnection() {
        validate();
        if (!valid.get()) {
            connection.set("✘ Fix the marked fields first");
            return;
        }
        ProfileDraft profile;
        String label;
        try {
            profile = draft().checked();
            label = profile.label();
        } catch (IllegalArgumentException e) {
            connection.set("✘ " + IoErrors.describe(e));
            return;
        }
        busy.set(true);
        connection.set("Connecting to " + label + "…");
        connectionDetails.set("");
        tasks.run(() -> service.test(profile, prompts), r -> {
            busy.set(false);
            show(r);
        }, e -> {
            busy.set(false);
            connection.set("✘ " + IoErrors.describe(e));
        });
    }

    private void show(ClusterService.ConnectionCheck r) {
        connection.set((r.ok() ? "✔ " : "✘ ") + r.message());
        connectionDetails.set(r.details());
        if (r.hostKeyChanged()) {
            dialogs.showError(HOST_KEY_CHANGED, r.message());
        }
    }

    /** The title of the warning shown when a server's key differs from the recorded one. */
    public static final String HOST_KEY_CHANGED = "WARNING: the host key has changed. Connection refused";

    /** Sets the remote root from a folder chosen on the cluster. */
    public void chooseRemoteRoot(Optional<String> folder) {
        folder.ifPresent(f -> {
            remoteRoot.set(f);
            status.set("The project will be at " + remoteProject.get() + " on the cluster (save the profile to keep it)");
        });
    }

    public String projectName() {
        return projectName;
    }
}
