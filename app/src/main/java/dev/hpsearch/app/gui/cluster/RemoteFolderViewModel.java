package dev.hpsearch.app.gui.cluster;

import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.service.ClusterService;
import dev.hpsearch.app.service.ConnectionPrompts;
import dev.hpsearch.app.service.ProfileDraft;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.SshPrompts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Browses folders on a cluster over SFTP, one connection for the chooser's lifetime. */
public final class RemoteFolderViewModel {
    private final ClusterService service;
    private final TaskRunner tasks;
    private final ProfileDraft profile;
    private final ConnectionPrompts prompts;
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<String> folders = FXCollections.observableArrayList();
    private ClusterService.RemoteFolders remote;
    private boolean closed;

    public RemoteFolderViewModel(ClusterService service, TaskRunner tasks, ProfileDraft profile,
                                 ConnectionPrompts prompts) {
        this.service = service;
        this.tasks = tasks;
        this.profile = profile;
        this.prompts = prompts;
    }

    /** The folder shown (absolute, on the cluster). */
    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<String> folders() {
        return folders;
    }

    /** Connects and lists the profile's remote root (or the remote home when it does not exist yet). */
    public void open() {
        busy.set(true);
        status.set("Connecting to " + profile.label() + "…");
        tasks.run(() -> {
            ClusterService.RemoteFolders r = service.browse(profile, prompts);
            try {
                String start = r.start();
                return new Listing(r, start, r.folders(start));
            } catch (Exception e) {
                r.close();
                throw e;
            }
        }, l -> {
            if (closed) {
                l.remote.close();
                return;
            }
            remote = l.remote;
            show(l);
        }, this::failed);
    }

    /** Opens a sub-folder of the one shown. */
    public void enter(String name) {
        go(path.get().endsWith("/") ? path.get() + name : path.get() + "/" + name);
    }

    /** Goes to the parent folder. */
    public void up() {
        String p = path.get();
        int i = p.lastIndexOf('/');
        if (i > 0) {
            go(p.substring(0, i));
        } else if (i == 0 && p.length() > 1) {
            go("/");
        }
    }

    private void go(String to) {
        ClusterService.RemoteFolders r = remote;
        if (r == null) {
            return;
        }
        busy.set(true);
        tasks.run(() -> new Listing(r, to, r.folders(to)), this::show, this::failed);
    }

    private void show(Listing l) {
        busy.set(false);
        path.set(l.path);
        folders.setAll(l.folders);
        status.set(l.folders.isEmpty() ? "No folders here" : l.folders.size() + (l.folders.size() == 1 ? " folder" : " folders"));
    }

    private void failed(Exception e) {
        busy.set(false);
        status.set("✘ " + IoErrors.describe(e));
    }

    /** Disconnects (the chooser closed). */
    public void close() {
        closed = true;
        ClusterService.RemoteFolders r = remote;
        remote = null;
        if (r != null) {
            tasks.run(() -> {
                r.close();
                return null;
            }, x -> { }, e -> { });
        }
    }

    private record Listing(ClusterService.RemoteFolders remote, String path, java.util.List<String> folders) {
    }
}
