package dev.hpsearch.app.gui.job;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.FieldEditors;
import dev.hpsearch.app.gui.common.FieldViewModel;
import dev.hpsearch.optimizer.config.ConfigKey;
import dev.hpsearch.optimizer.config.ConfigKey.Section;
import dev.hpsearch.optimizer.config.ConfigSchema;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The job_config.json form. */
public final class JobConfigView extends VBox {
    public JobConfigView(JobConfigViewModel vm, DialogService dialogs) {
        setId("jobConfigView");
        setSpacing(8);
        setPadding(new Insets(12));
        Label intro = new Label("How to run one analysis. ★ marks what the seed says you must decide.");
        intro.getStyleClass().add("help");
        GridPane basics = grid();
        GridPane slurm = grid();
        int rb = 0;
        int rs = 0;
        for (FieldViewModel f : vm.fields()) {
            ConfigKey s = f.key();
            Control editor;
            if (s == ConfigSchema.CLUSTER) {
                ComboBox<String> c = new ComboBox<>(vm.profiles());
                c.setEditable(true);
                c.setMaxWidth(Double.MAX_VALUE);
                c.valueProperty().bindBidirectional(f.textProperty());
                c.setId(FieldEditors.id("job_", s.key()));
                editor = c;
            } else {
                editor = FieldEditors.editor(f, "job_");
            }
            HBox extra = new HBox(6);
            extra.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            if (s == ConfigSchema.ENVIRONMENT_PATH) {
                Button browse = new Button("Browse…");
                browse.setId("browseInterpreterButton");
                browse.setOnAction(e -> dialogs.openFile("Interpreter", null, "Programs", "*")
                        .ifPresent(p -> f.textProperty().set(p.toString())));
                extra.getChildren().add(browse);
            } else if (s == ConfigSchema.SCRIPT_PATH) {
                Button browse = new Button("Browse…");
                browse.setId("browseScriptButton");
                browse.setOnAction(e -> dialogs.openFile("Analysis script", vm.project().folder(), "Scripts",
                        "*.py", "*.R", "*.r", "*.pl", "*.sh", "*").ifPresent(p -> {
                            java.nio.file.Path folder = vm.project().folder();
                            f.textProperty().set(p.startsWith(folder) ? folder.relativize(p).toString() : p.toString());
                        }));
                extra.getChildren().add(browse);
            } else if (s == ConfigSchema.CLUSTER) {
                Button test = new Button("Test connection");
                test.setId("testConnectionButton");
                test.setOnAction(e -> vm.testConnection());
                Label st = new Label();
                st.setId("connectionStatus");
                st.textProperty().bind(vm.connectionStatusProperty());
                extra.getChildren().addAll(test, st);
            }
            if (extra.getChildren().isEmpty() && !s.recommendation().isEmpty()) {
                Label example = new Label("e.g. " + s.recommendation());
                example.getStyleClass().add("help");
                extra.getChildren().add(example);
            }
            if (s.section() == Section.BASICS) {
                FieldEditors.addRow(basics, rb++, f, editor, extra);
            } else {
                FieldEditors.addRow(slurm, rs++, f, editor, extra);
            }
        }
        TitledPane slurmPane = new TitledPane("Slurm extras (cluster runs only)", slurm);
        slurmPane.setExpanded(false);
        slurmPane.setId("slurmSection");

        Button save = new Button("Save " + vm.configDocument().file().getFileName());
        save.setMnemonicParsing(false);
        save.setId("saveJobButton");
        save.disableProperty().bind(vm.validProperty().not());
        save.setOnAction(e -> vm.save(null));
        Label status = new Label();
        status.setId("jobStatus");
        status.textProperty().bind(vm.statusProperty());
        Button test = new Button("Test run");
        test.setId("testRunButton");
        test.disableProperty().bind(vm.runningProperty().or(vm.validProperty().not()));
        test.setOnAction(e -> vm.testRun());
        Label summary = new Label();
        summary.setId("testRunSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.testSummaryProperty());
        TextArea details = new TextArea();
        details.setId("testRunOutput");
        details.setEditable(false);
        details.setPromptText("Test run: runs the script once on the example values in a temporary folder.");
        details.textProperty().bind(vm.testDetailsProperty());
        VBox.setVgrow(details, Priority.ALWAYS);
        getChildren().addAll(intro, basics, slurmPane, new HBox(12, save, status), new HBox(12, test, summary), details);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.getColumnConstraints().addAll(new ColumnConstraints(200), new ColumnConstraints(360), new ColumnConstraints(20),
                new ColumnConstraints());
        return g;
    }
}
