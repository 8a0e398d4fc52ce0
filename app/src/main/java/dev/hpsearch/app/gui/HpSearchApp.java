package dev.hpsearch.app.gui;

import dev.hpsearch.app.gui.cluster.FxSshPrompts;
import dev.hpsearch.app.gui.common.FxDialogService;
import dev.hpsearch.app.gui.common.FxTaskRunner;
import dev.hpsearch.app.gui.common.Theme;
import dev.hpsearch.app.gui.job.LocalTestRunService;
import dev.hpsearch.app.gui.model.LoaderModelValidator;
import dev.hpsearch.app.gui.run.EngineSearchLauncher;
import dev.hpsearch.app.gui.start.Preferences;
import dev.hpsearch.app.gui.start.RecentProjects;
import dev.hpsearch.app.service.SearchService;
import dev.hpsearch.app.service.SshClusterService;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfiles;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app's composition root: builds the services once and shows the start page. */
public final class HpSearchApp extends Application {
    private FxTaskRunner tasks;
    private Path configFolder;
    private Theme theme = Theme.LIGHT;

    /** Reads the user's theme before the window opens (on the launcher thread, not the FX thread). */
    @Override
    public void init() {
        configFolder = RecentProjects.defaultConfigFolder();
        theme = new Preferences(configFolder).theme();
    }

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskRunner(2);
        AppServices services = desktopServices(stage, tasks, configFolder);
        stage.getIcons().add(new javafx.scene.image.Image(HpSearchApp.class.getResource("hpsearch.png").toExternalForm()));
        MainWindow window = new MainWindow(services, stage, theme);
        window.showStart();
        String open = getParameters().getNamed().get("project");
        if (open != null) {
            try {
                window.showProject(dev.hpsearch.app.gui.project.Project.open(Path.of(open)));
            } catch (java.io.IOException e) {
                services.dialogs().showError("Cannot open project", IoErrors.describe(e));
            }
        }
        stage.show();
    }

    /** The real services for a window: cluster profiles from the user's clusters.json. */
    public static AppServices desktopServices(Stage stage, FxTaskRunner tasks, Path configFolder) {
        return desktopServices(stage, tasks, configFolder, SshClusterService.defaultFile());
    }

    /**
     * The real services for a window with the cluster profiles of {@code clustersFile}. A detached launch uploads
     * the jar named by the system property {@code hpsearch.jar}, else the one the app runs from.
     */
    public static AppServices desktopServices(Stage stage, FxTaskRunner tasks, Path configFolder, Path clustersFile) {
        FxSshPrompts prompts = new FxSshPrompts(stage);
        String jar = System.getProperty("hpsearch.jar");
        return new AppServices(tasks, new FxDialogService(stage), new RecentProjects(configFolder),
                new SshClusterService(clustersFile),
                new EngineSearchLauncher(SearchService.withClusters(clustersFile, prompts,
                        jar == null || jar.isBlank() ? null : Path.of(jar))),
                new LoaderModelValidator(), new LocalTestRunService(), prompts);
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
    }
}
