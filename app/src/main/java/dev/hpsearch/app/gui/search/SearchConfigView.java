package dev.hpsearch.app.gui.search;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.FieldEditors;
import dev.hpsearch.app.gui.common.FieldViewModel;
import dev.hpsearch.optimizer.config.ConfigKey.Section;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The search config form: basics first, the other sections collapsed; every field rendered from the schema. */
public final class SearchConfigView extends VBox {
    public SearchConfigView(SearchConfigViewModel vm, DialogService dialogs) {
        setId("searchConfigView");
        setSpacing(8);
        setPadding(new Insets(12));
        Label intro = new Label("How to search. Fields marked ★ are the ones the seed says you must decide; the "
                + "others start at the seed's recommendation. Hover a field or its ? for help. Fields that do not "
                + "apply to the chosen search type are disabled.");
        intro.getStyleClass().add("help");
        intro.setWrapText(true);
        TitledPane basics = section("Basics", Section.BASICS, vm, true);
        basics.setId("basicsSection");
        TitledPane start = section("Where the search starts: earlier searches and initial points", Section.START, vm,
                false);
        start.setId("startSection");
        ((GridPane) start.getContent()).addRow(((GridPane) start.getContent()).getRowCount(), new Label(),
                warmStartChooser(vm, dialogs));
        TitledPane bopt = section("Bayesian optimization settings (search type bopt)", Section.BOPT, vm, false);
        bopt.setId("boptSection");
        TitledPane failures = section("Failed analyses: retries and limits", Section.FAILURES, vm, false);
        failures.setId("failuresSection");
        TitledPane pruning = section("Stopping bad runs early (pruner, reads progress.jsonl)", Section.PRUNING, vm,
                false);
        pruning.setId("pruningSection");
        TitledPane replicates = section("Replicates of the best, for an honest choice", Section.REPLICATES, vm, false);
        replicates.setId("replicatesSection");
        TitledPane objectives = section("Several objectives and constraints (Pareto front)", Section.OBJECTIVES, vm,
                false);
        objectives.setId("objectivesSection");
        TitledPane coordinator = section("Coordinator settings", Section.COORDINATOR, vm, false);
        coordinator.setId("coordinatorSection");
        VBox sections = new VBox(8, basics, start, bopt, failures, pruning, replicates, objectives, coordinator);
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label other = new Label();
        other.setId("searchOtherProblems");
        other.getStyleClass().add("error-text");
        other.textProperty().bind(vm.otherProblemsProperty());
        Button save = new Button();
        save.textProperty().bind(vm.configDocument().fileProperty().map(p -> "Save " + p.getFileName()));
        save.setMnemonicParsing(false);
        save.setId("saveSearchButton");
        save.disableProperty().bind(vm.validProperty().not());
        save.setOnAction(e -> vm.save(null));
        Button open = new Button("Open another search config…");
        open.setId("openSearchConfigButton");
        open.setOnAction(e -> dialogs.openFile("Search config", vm.configDocument().file().getParent(), "Search configs",
                "search_config*.json", "*.json").ifPresent(p -> vm.open(p, dialogs)));
        Label runNote = new Label();
        runNote.setId("searchRunNote");
        runNote.getStyleClass().add("help");
        runNote.setWrapText(true);
        runNote.textProperty().bind(vm.runNoteProperty());
        runNote.managedProperty().bind(runNote.textProperty().isNotEmpty());
        runNote.visibleProperty().bind(runNote.managedProperty());
        Label status = new Label();
        status.setId("searchStatus");
        status.textProperty().bind(vm.statusProperty());
        getChildren().addAll(intro, scroll, other, runNote, new HBox(12, save, open, status));
    }

    /** Adds an earlier search of the project, or any data file, to warm_start_from. */
    private static MenuButton warmStartChooser(SearchConfigViewModel vm, DialogService dialogs) {
        MenuButton add = new MenuButton("Add an earlier search…");
        add.setId("addWarmStartButton");
        Runnable fill = () -> {
            add.getItems().clear();
            try {
                for (Path p : vm.earlierSearches()) {
                    MenuItem item = new MenuItem(p.getFileName().toString());
                    item.setMnemonicParsing(false);
                    item.setOnAction(x -> vm.addWarmStart(p));
                    add.getItems().add(item);
                }
            } catch (IOException ex) {
                dialogs.showError("Earlier searches", "Cannot list the project's searches: " + ex.getMessage());
            }
            MenuItem file = new MenuItem("A data file (hp_search_data.txt)…");
            file.setOnAction(x -> dialogs.openFile("Earlier results", vm.configDocument().file().getParent(),
                    "Search results", "*.txt").ifPresent(vm::addWarmStart));
            add.getItems().add(file);
        };
        fill.run();
        add.setOnShowing(e -> fill.run());
        return add;
    }

    private static TitledPane section(String title, Section section, SearchConfigViewModel vm, boolean expanded) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new ColumnConstraints(330), new ColumnConstraints(320),
                new ColumnConstraints(40), new ColumnConstraints());
        int row = 0;
        for (FieldViewModel f : vm.fields()) {
            if (f.key().section() != section) {
                continue;
            }
            String r = f.key().recommendation();
            Label rec = new Label(r.isEmpty() ? "" : "recommended: " + r);
            rec.getStyleClass().add("help");
            FieldEditors.addRow(grid, row++, f, FieldEditors.editor(f, "search_"), rec);
        }
        TitledPane pane = new TitledPane(title, grid);
        pane.setExpanded(expanded);
        return pane;
    }

    /** The node id of a field's editor: {@code search_} and the key with dots as underscores. */
    public static String id(String key) {
        return FieldEditors.id("search_", key);
    }
}
