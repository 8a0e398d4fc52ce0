package dev.hpsearch.app.gui.start;

import dev.hpsearch.app.gui.common.Icons;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The start page. */
public final class StartView extends VBox {
    public StartView(StartViewModel vm) {
        setId("startPage");
        setSpacing(12);
        setPadding(new Insets(24));
        Label title = new Label("hpsearch");
        title.getStyleClass().add("page-title");
        Label intro = new Label("Hyperparameter search for any analysis script that reads input.json and writes "
                + "output.json. Open a project, or create one from the demo, a template, or your own example input.");
        intro.getStyleClass().add("help");

        ListView<Path> recent = new ListView<>(vm.recent());
        recent.setId("recentList");
        recent.setPlaceholder(new Label("No recent projects yet"));
        recent.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName() + "   —   " + p);
            }
        });
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                vm.open(recent.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(recent, Priority.ALWAYS);
        Button openRecent = new Button("Open selected", Icons.FOLDER.node());
        openRecent.setId("openRecentButton");
        openRecent.disableProperty().bind(recent.getSelectionModel().selectedItemProperty().isNull());
        openRecent.setOnAction(e -> vm.open(recent.getSelectionModel().getSelectedItem()));

        Button open = new Button("Open project folder…", Icons.FOLDER.node());
        open.setId("openProjectButton");
        open.setOnAction(e -> vm.openFolder());
        Button demo = new Button("New project from the demo…", Icons.PLUS.node());
        demo.setId("newFromDemoButton");
        demo.setOnAction(e -> vm.newFromDemo());
        ChoiceBox<ProjectFactory.Template> language = new ChoiceBox<>();
        language.setId("templateLanguage");
        language.getItems().setAll(ProjectFactory.Template.values());
        language.valueProperty().bindBidirectional(vm.templateProperty());
        Button template = new Button("New project from a template…", Icons.PLUS.node());
        template.setId("newFromTemplateButton");
        template.setOnAction(e -> vm.newFromTemplate());
        Button input = new Button("New project from my example input.json…", Icons.FILE.node());
        input.setId("newFromInputButton");
        input.setOnAction(e -> vm.newFromExampleInput());
        for (Button b : new Button[] {open, demo, template, input}) {
            b.disableProperty().bind(vm.busyProperty());
        }
        Label error = new Label();
        error.setId("startError");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        // takes room only when there is something to say, so the page's spacing stays even
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        Label recentTitle = new Label("Recent projects", Icons.CLOCK.node());
        recentTitle.getStyleClass().add("subtitle");
        Label newTitle = new Label("Start");
        newTitle.getStyleClass().add("subtitle");
        HBox languageRow = new HBox(8, template, new Label("script language:"), language);
        languageRow.setAlignment(Pos.CENTER_LEFT);
        VBox start = new VBox(8, new HBox(8, open, demo), languageRow, input);
        getChildren().addAll(title, intro, newTitle, start, error, recentTitle, recent, openRecent);
    }
}
