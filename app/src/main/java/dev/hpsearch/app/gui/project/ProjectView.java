package dev.hpsearch.app.gui.project;

import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.gui.AppServices;
import dev.hpsearch.app.gui.analysis.ParallelCoordinatesView;
import dev.hpsearch.app.gui.analysis.ParetoView;
import dev.hpsearch.app.gui.analysis.ParetoViewModel;
import dev.hpsearch.app.gui.analysis.ParallelCoordinatesViewModel;
import dev.hpsearch.app.gui.analysis.SensitivityViewModel;
import dev.hpsearch.app.gui.searches.SearchesView;
import dev.hpsearch.app.gui.searches.SearchesViewModel;
import dev.hpsearch.app.gui.cluster.ClusterProfilesView;
import dev.hpsearch.app.gui.cluster.ClusterProfilesViewModel;
import dev.hpsearch.app.service.ClusterService;
import dev.hpsearch.app.gui.analysis.SelectionView;
import dev.hpsearch.app.gui.analysis.SelectionViewModel;
import dev.hpsearch.app.gui.analysis.SensitivityView;
import dev.hpsearch.app.gui.common.ConfigDocument;
import dev.hpsearch.app.gui.common.UnsavedEdits;
import dev.hpsearch.app.gui.job.JobConfigView;
import dev.hpsearch.app.gui.job.JobConfigViewModel;
import dev.hpsearch.app.gui.model.ModelConfigView;
import dev.hpsearch.app.gui.model.ModelConfigViewModel;
import dev.hpsearch.app.gui.run.DashboardView;
import dev.hpsearch.app.gui.run.DashboardViewModel;
import dev.hpsearch.app.gui.search.SearchConfigView;
import dev.hpsearch.app.gui.search.SearchConfigViewModel;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import dev.hpsearch.app.gui.report.DesktopBrowser;
import dev.hpsearch.app.gui.report.ReportViewModel;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** A project: config forms, the run dashboard and the analysis views, one tab each. */
public final class ProjectView extends BorderPane {
    private final SearchConfigViewModel search;
    private final JobConfigViewModel job;
    private final ModelConfigViewModel model;
    private final DashboardViewModel dashboard;
    private final ClusterProfilesViewModel clusters;
    private final DashboardView dashboardView;
    private final ParallelCoordinatesView parallel;
    private final TabPane tabs = new TabPane();
    private final ProjectEdits edits;

    public ProjectView(AppServices services, Project project, Runnable backToStart) {
        setId("projectView");
        search = new SearchConfigViewModel(project.searchConfig(), services.tasks());
        job = new JobConfigViewModel(project, services.tasks(), services.testRuns(), services.cluster(),
                services.sshPrompts(), services.dialogs());
        clusters = new ClusterProfilesViewModel(services.cluster(), services.tasks(), services.dialogs(),
                services.sshPrompts(), project.name());
        model = new ModelConfigViewModel(project.modelConfig(), services.tasks(), services.modelValidator());
        model.gridPointsProperty().bind(search.gridPointsProperty());
        // the forms' unsaved edits, for leaving the project (MainWindow) and for Launch (the dashboard)
        edits = new ProjectEdits(List.of(search.configDocument(), job.configDocument(), model.configDocument()));
        dashboard = new DashboardViewModel(project, services.tasks(), services.launcher(), services.dialogs(),
                edits, null, java.time.Duration.ofMillis(250));
        // "add as initial point" on a row of the results goes to the search form's initial_points
        dashboard.onAddInitialPoint(search::addInitialPoint);
        // Launch runs the search config the search form shows
        dashboard.searchConfigProperty().bind(search.configDocument().fileProperty());
        // the Run tab runs where job_config says until the user picks another place there
        job.field("cluster").textProperty().addListener((o, a, b) -> {
            if (!dashboard.activeProperty().get()) {
                dashboard.targetProperty().set(b == null || b.isBlank() ? null : RunTarget.parse(b));
            }
        });
        clusters.entries().addListener((javafx.collections.ListChangeListener<ClusterService.ProfileEntry>) c -> {
            job.refreshProfiles();
            RunTarget keep = dashboard.targetProperty().get();
            java.util.List<RunTarget> names = new java.util.ArrayList<>(java.util.List.of(RunTarget.LOCAL));
            clusters.entries().forEach(e -> names.add(RunTarget.parse(e.profile().name())));
            dashboard.targets().setAll(names);
            dashboard.targetProperty().set(keep);
        });
        search.load();
        job.load();
        model.load();

        dashboardView = new DashboardView(dashboard, services.tasks(), services.dialogs());
        parallel = new ParallelCoordinatesView(new ParallelCoordinatesViewModel(dashboard.results(), services.tasks(),
                project::folder), services.tasks(), services.dialogs());
        SearchesViewModel searches = new SearchesViewModel(project, services.tasks());
        ParetoViewModel pareto = new ParetoViewModel(dashboard.results(), services.tasks());
        pareto.setShowing(false);
        pareto.configProperty().bind(search.objectivesProperty());
        tabs.getTabs().addAll(
                tab("tabSearch", search.configDocument(), new SearchConfigView(search, services.dialogs())),
                tab("tabJob", job.configDocument(), new JobConfigView(job, services.dialogs())),
                tab("tabModel", model.configDocument(), new ModelConfigView(model)),
                tab("tabClusters", "Clusters", new ClusterProfilesView(clusters)),
                tab("tabRun", "Run", dashboardView),
                tab("tabParallel", "Parallel coordinates", parallel),
                tab("tabSensitivity", "Sensitivity", new SensitivityView(new SensitivityViewModel(dashboard.results(),
                        services.tasks(), project::folder), services.tasks(), services.dialogs())),
                tab("tabPareto", "Pareto front", new ParetoView(pareto)),
                tab("tabSelection", "Selection", new SelectionView(new SelectionViewModel(dashboard.results(),
                        services.tasks(), () -> java.util.Optional.ofNullable(dashboard.searchProperty().get())
                        .map(s -> new SelectionViewModel.Search(s.searchDir(), s.model())), project::folder,
                        dashboard::replicate), services.dialogs())),
                tab("tabSearches", "Searches", new SearchesView(searches, services.tasks(), services.dialogs())));
        tabs.setId("projectTabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            parallel.setShowing(b != null && "tabParallel".equals(b.getId()));
            pareto.setShowing(b != null && "tabPareto".equals(b.getId()));
            if (b != null && "tabSearches".equals(b.getId())) {
                searches.refresh();
            }
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Button back = new Button("◀ Start page");
        back.setId("backToStartButton");
        back.setOnAction(e -> backToStart.run());
        Label title = new Label(project.name());
        title.getStyleClass().add("subtitle");
        Label folder = new Label(project.folder().toString());
        folder.getStyleClass().add("help");
        HBox top = new HBox(12, back, title, folder, report(new ReportViewModel(dashboard.shownProperty(),
                dashboard.results().response(), services.tasks(), new DesktopBrowser(), java.time.Clock.systemUTC())));
        top.setPadding(new Insets(8, 12, 0, 12));
        setTop(top);
        setCenter(tabs);
    }

    /** The "Report" button, for the search on screen, and where its report went. */
    private static HBox report(ReportViewModel vm) {
        Button button = new Button("Report");
        button.setId("reportButton");
        button.disableProperty().bind(vm.disabledProperty());
        button.setOnAction(e -> vm.write());
        Label status = new Label();
        status.setId("reportStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox box = new HBox(8, button, status);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(box, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    /** A form's tab, titled by its document: "Search settings •" while it has unsaved edits. */
    private static Tab tab(String id, ConfigDocument document, javafx.scene.Node content) {
        Tab t = tab(id, "", content);
        t.textProperty().bind(document.titleProperty());
        return t;
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** The unsaved edits of the three config forms. */
    public UnsavedEdits unsavedEdits() {
        return edits;
    }

    public SearchConfigViewModel searchViewModel() {
        return search;
    }

    public ModelConfigViewModel modelViewModel() {
        return model;
    }

    public JobConfigViewModel jobViewModel() {
        return job;
    }

    public ClusterProfilesViewModel clusters() {
        return clusters;
    }

    public DashboardViewModel dashboard() {
        return dashboard;
    }

    public ParallelCoordinatesView parallel() {
        return parallel;
    }

    /** Stops log followers and watchers; a search run from here is interrupted (resumable). */
    public void dispose() {
        dashboardView.dispose();
        dashboard.dispose();
    }
}
