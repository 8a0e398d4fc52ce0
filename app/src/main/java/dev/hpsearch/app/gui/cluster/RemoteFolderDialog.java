package dev.hpsearch.app.gui.cluster;

import dev.hpsearch.app.service.ProfileDraft;
import dev.hpsearch.ssh.profile.ClusterProfile;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A folder chooser on the cluster over SFTP: double-click to open a folder, "Up" for its parent. */
public final class RemoteFolderDialog {
    private RemoteFolderDialog() {
    }

    /** Shows the chooser for the profile in the form; the chosen folder, or empty when cancelled. */
    public static Optional<String> choose(Window owner, ClusterProfilesViewModel profiles) {
        ProfileDraft profile;
        try {
            profile = profiles.draft().checked();
        } catch (IllegalArgumentException e) {
            profiles.statusProperty().set(e.getMessage());
            return Optional.empty();
        }
        RemoteFolderViewModel vm = new RemoteFolderViewModel(profiles.service(), profiles.tasks(), profile,
                profiles.prompts());
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Folder on " + profile.name());
        d.setHeaderText("Choose the remote root: the project goes into {folder}/" + profiles.projectName());
        Label path = new Label();
        path.setId("remotePath");
        path.textProperty().bind(vm.pathProperty());
        ListView<String> list = new ListView<>(vm.folders());
        list.setId("remoteFolderList");
        list.setPrefSize(480, 320);
        list.disableProperty().bind(vm.busyProperty());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null) {
                vm.enter(list.getSelectionModel().getSelectedItem());
            }
        });
        Button up = new Button("Up");
        up.setId("remoteUpButton");
        up.disableProperty().bind(vm.busyProperty());
        up.setOnAction(e -> vm.up());
        Button open = new Button("Open");
        open.setId("remoteOpenButton");
        open.disableProperty().bind(vm.busyProperty().or(list.getSelectionModel().selectedItemProperty().isNull()));
        open.setOnAction(e -> vm.enter(list.getSelectionModel().getSelectedItem()));
        Label status = new Label();
        status.setId("remoteFolderStatus");
        status.textProperty().bind(vm.statusProperty());
        VBox content = new VBox(8, new HBox(8, up, open, path), list, status);
        VBox.setVgrow(list, Priority.ALWAYS);
        d.getDialogPane().setContent(content);
        d.getDialogPane().setId("remoteFolderDialog");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(vm.busyProperty().or(vm.pathProperty().isEmpty()));
        d.setResultConverter(b -> b == ButtonType.OK ? vm.pathProperty().get() : null);
        vm.open();
        try {
            return d.showAndWait();
        } finally {
            vm.close();
        }
    }
}
