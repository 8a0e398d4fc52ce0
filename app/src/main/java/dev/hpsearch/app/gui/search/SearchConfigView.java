package dev.hpsearch.app.gui.search;

import dev.hpsearch.app.gui.common.Decorations;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The search_config.json form: basics first, Bayesian-optimization settings in a collapsed section. */
public final class SearchConfigView extends VBox {
    public SearchConfigView(SearchConfigViewModel vm) {
        setId("searchConfigView");
        setSpacing(8);
        setPadding(new Insets(12));
        Label intro = new Label("How to search. Fields marked ★ are the ones the seed says you must decide; the "
                + "others start at the seed's recommendation. Hover a field or its ? for help. Fields that do not "
                + "apply to the chosen search type are disabled.");
        intro.getStyleClass().add("help");
        intro.setWrapText(true);
        TitledPane basics = section("Basics", FieldSpec.Group.BASICS, vm, true);
        basics.setId("basicsSection");
        TitledPane bopt = section("Bayesian optimization settings (search type bopt)", FieldSpec.Group.BOPT, vm, false);
        bopt.setId("boptSection");
        TitledPane coordinator = section("Original tool's coordinator settings", FieldSpec.Group.COORDINATOR, vm, false);
        coordinator.setId("coordinatorSection");
        VBox sections = new VBox(8, basics, bopt, coordinator);
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label other = new Label();
        other.setId("searchOtherProblems");
        other.getStyleClass().add("error-text");
        other.textProperty().bind(vm.otherProblemsProperty());
        Button save = new Button("Save search_config.json");
        save.setMnemonicParsing(false);
        save.setId("saveSearchButton");
        save.disableProperty().bind(vm.validProperty().not());
        save.setOnAction(e -> vm.save(null));
        Label status = new Label();
        status.setId("searchStatus");
        status.textProperty().bind(vm.statusProperty());
        getChildren().addAll(intro, scroll, other, new HBox(12, save, status));
    }

    private static TitledPane section(String title, FieldSpec.Group group, SearchConfigViewModel vm, boolean expanded) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new ColumnConstraints(330), new ColumnConstraints(320),
                new ColumnConstraints(40), new ColumnConstraints());
        int row = 0;
        for (FieldViewModel f : vm.fields()) {
            if (f.spec().group() != group) {
                continue;
            }
            FieldSpec s = f.spec();
            Label label = new Label((s.mustDecide() ? "★ " : "") + s.label());
            if (s.mustDecide()) {
                label.getStyleClass().add("must-decide");
            }
            label.setTooltip(Decorations.wrapped(s.description()));
            Control editor = editor(f);
            editor.setId(id(s.key()));
            editor.disableProperty().bind(f.enabledProperty().not());
            label.disableProperty().bind(f.enabledProperty().not());
            Decorations.bind(editor, f.errorProperty(), s.description());
            Label help = new Label("?");
            help.setTooltip(Decorations.wrapped(s.description()));
            Label rec = new Label(s.recommendation().isEmpty() ? "" : "recommended: " + s.recommendation());
            rec.getStyleClass().add("help");
            grid.addRow(row++, label, editor, help, rec);
        }
        TitledPane pane = new TitledPane(title, grid);
        pane.setExpanded(expanded);
        return pane;
    }

    /** The node id of a field's editor: {@code search_} and the key with dots as underscores. */
    public static String id(String key) {
        return "search_" + key.replace('.', '_');
    }

    private static Control editor(FieldViewModel f) {
        FieldSpec s = f.spec();
        switch (s.kind()) {
            case CHOICE: {
                ComboBox<String> c = new ComboBox<>();
                c.getItems().setAll(s.choices());
                c.valueProperty().bindBidirectional(f.textProperty());
                c.setMaxWidth(Double.MAX_VALUE);
                return c;
            }
            case BOOLEAN: {
                CheckBox c = new CheckBox();
                c.setSelected(Boolean.parseBoolean(f.textProperty().get()));
                c.selectedProperty().addListener((o, a, b) -> f.textProperty().set(Boolean.toString(b)));
                f.textProperty().addListener((o, a, b) -> c.setSelected(Boolean.parseBoolean(b)));
                return c;
            }
            case MULTI:
                return multi(f);
            default: {
                TextField t = new TextField();
                t.textProperty().bindBidirectional(f.textProperty());
                if (s.kind() == FieldSpec.Kind.FAILURE) {
                    t.setPromptText("max, nan or a number");
                } else if (s.kind() == FieldSpec.Kind.OPTIONAL_INTEGER) {
                    t.setPromptText("empty: drawn at random");
                }
                return t;
            }
        }
    }

    /** Check boxes for a list setting, kept in step with the field's "a, b" text. */
    private static Control multi(FieldViewModel f) {
        HBox box = new HBox(10);
        List<CheckBox> boxes = new ArrayList<>();
        boolean[] syncing = {false};
        for (String choice : f.spec().choices()) {
            CheckBox c = new CheckBox(choice);
            c.setId(id(f.spec().key()) + "_" + choice);
            boxes.add(c);
            c.selectedProperty().addListener((o, a, b) -> {
                if (!syncing[0]) {
                    List<String> on = new ArrayList<>();
                    for (CheckBox x : boxes) {
                        if (x.isSelected()) {
                            on.add(x.getText());
                        }
                    }
                    f.textProperty().set(String.join(", ", on));
                }
            });
        }
        Runnable fromText = () -> {
            syncing[0] = true;
            List<String> on = List.of(f.textProperty().get().split("\\s*,\\s*"));
            boxes.forEach(x -> x.setSelected(on.contains(x.getText())));
            syncing[0] = false;
        };
        f.textProperty().addListener((o, a, b) -> fromText.run());
        fromText.run();
        box.getChildren().addAll(boxes);
        // a Control wrapper so the field can carry decorations and tooltips like the others
        javafx.scene.control.Label holder = new javafx.scene.control.Label();
        holder.setGraphic(box);
        return holder;
    }

}
