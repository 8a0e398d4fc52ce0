package dev.hpsearch.app.gui.cluster;

import dev.hpsearch.app.gui.common.Decorations;
import dev.hpsearch.app.service.ClusterService;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Cluster connections: profiles on the left, the selected one's form, connection test and remote folder. */
public final class ClusterProfilesView extends SplitPane {
    public ClusterProfilesView(ClusterProfilesViewModel vm) {
        setId("clusterProfilesView");
        ListView<ClusterService.ProfileEntry> list = new ListView<>(vm.entries());
        list.setId("clusterProfileList");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ClusterService.ProfileEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.profile().name() + (e.user() ? "" : "  (preset)"));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.edit(b);
            }
        });
        Button add = new Button("New profile");
        add.setId("newProfileButton");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            vm.newProfile();
        });
        VBox left = new VBox(6, new Label("Cluster profiles"), list, add);
        left.setPadding(new Insets(12));
        VBox.setVgrow(list, Priority.ALWAYS);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.getColumnConstraints().addAll(new ColumnConstraints(150), new ColumnConstraints(380), new ColumnConstraints());
        int r = 0;
        row(form, r++, "Name", field("profile_name", vm.nameProperty()), vm.nameErrorProperty(),
                "The name job_config.json's \"cluster\" uses (case-insensitive).");
        row(form, r++, "Host", field("profile_host", vm.hostProperty()), vm.hostErrorProperty(),
                "Submit host: a name, an address, or a Host alias of ~/.ssh/config.");
        row(form, r++, "Port", field("profile_port", vm.portProperty()), vm.portErrorProperty(),
                "SSH port; empty for the SSH config's or 22.");
        row(form, r++, "User", field("profile_user", vm.userProperty()), null,
                "Remote user; empty for the SSH config's or your local user name.");
        row(form, r++, "Identity file", field("profile_identity_file", vm.identityFileProperty()), null,
                "Private key; empty for the ssh-agent, the SSH config's or ~/.ssh/id_*. A passphrase is asked for, never stored.");
        row(form, r++, "known_hosts", field("profile_known_hosts", vm.knownHostsProperty()), null,
                "Where trusted host keys are kept; empty for ~/.ssh/known_hosts.");
        row(form, r++, "CPU partition", field("profile_cpu_partition", vm.cpuPartitionProperty()), null,
                "Partition for processor_type CPU; empty for the cluster's default.");
        row(form, r++, "GPU partition", field("profile_gpu_partition", vm.gpuPartitionProperty()), null,
                "Partition for processor_type GPU; empty for the cluster's default.");
        TextArea setup = new TextArea();
        setup.setId("profile_setup");
        setup.setPrefRowCount(3);
        setup.textProperty().bindBidirectional(vm.setupProperty());
        row(form, r++, "Set-up lines", setup, null,
                "Shell lines run before Slurm commands and jobs, one per line (e.g. module load slurm).");
        TextField root = field("profile_remote_root", vm.remoteRootProperty());
        Button browse = new Button("Browse on cluster…");
        browse.setId("browseRemoteButton");
        browse.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        browse.setOnAction(e -> vm.chooseRemoteRoot(RemoteFolderDialog.choose(getScene().getWindow(), vm)));
        form.addRow(r++, label("Remote root", "Where on the cluster the projects live; relative to the remote home "
                + "unless absolute."), root, browse);
        Label remoteProject = new Label();
        remoteProject.setId("remoteProjectLabel");
        remoteProject.getStyleClass().add("help");
        remoteProject.textProperty().bind(Bindings.concat("This project on the cluster: ", vm.remoteProjectProperty()));
        form.add(remoteProject, 1, r++, 2, 1);

        Label origin = new Label();
        origin.getStyleClass().add("help");
        origin.textProperty().bind(vm.originProperty());
        Button save = new Button("Save profile");
        save.setId("saveProfileButton");
        save.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        save.setOnAction(e -> vm.save());
        Button test = new Button("Test connection");
        test.setId("testProfileConnectionButton");
        test.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        test.setOnAction(e -> vm.testConnection());
        Label status = new Label();
        status.setId("profileStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label connection = new Label();
        connection.setId("profileConnectionStatus");
        connection.setWrapText(true);
        connection.textProperty().bind(vm.connectionProperty());
        TextArea details = new TextArea();
        details.setId("profileConnectionDetails");
        details.setEditable(false);
        details.setStyle("-fx-font-family: monospace;");
        details.setPromptText("Test connection: connects, then runs sbatch --version and sinfo with the set-up lines.");
        details.textProperty().bind(vm.connectionDetailsProperty());
        VBox right = new VBox(8, origin, form, new HBox(10, save, test, status), connection, details);
        right.setPadding(new Insets(12));
        VBox.setVgrow(details, Priority.ALWAYS);
        getItems().addAll(left, right);
        setDividerPositions(0.22);
        vm.load(null);
    }

    private static TextField field(String id, StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private static Label label(String text, String help) {
        Label l = new Label(text);
        l.setTooltip(Decorations.wrapped(help));
        return l;
    }

    private static void row(GridPane g, int r, String text, TextInputControl editor, ObservableValue<String> error,
                            String help) {
        if (error != null) {
            Decorations.bind(editor, error, help);
        } else {
            editor.setTooltip(Decorations.wrapped(help));
        }
        g.addRow(r, label(text, help), editor);
    }
}
