package dev.hpsearch.app.gui.model;

import dev.hpsearch.app.gui.common.Decorations;
import dev.hpsearch.optimizer.config.ConfigSchema;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The model_config.json editor: a form with one row per variable, and the raw JSON. */
public final class ModelConfigView extends VBox {
    private final ModelConfigViewModel vm;
    private final GridPane grid = new GridPane();

    public ModelConfigView(ModelConfigViewModel vm) {
        this.vm = vm;
        setId("modelConfigView");
        setSpacing(8);
        setPadding(new Insets(12));
        Label intro = new Label("Every input of your script. Make a row a hyperparameter to search over it: "
                + "continuous takes a range \"lower, upper\"; discrete and categorical take a list \"a, b, c\". "
                + "Use log for ranges spanning orders of magnitude. Categorical values need no transformation. "
                + "\"simpler\" (optional) says which values make the simpler model: lower, higher, or a categorical's "
                + "values from the simplest; the Selection view then proposes the simplest of the settings that tie. "
                + "\"exists when\" (optional) makes a hyperparameter exist only for some values of a categorical or "
                + "discrete one (momentum only when optimizer is sgd); otherwise its key is left out of input.json, "
                + "or holds the inactive value you give.");
        intro.getStyleClass().add("help");
        intro.setWrapText(true);
        grid.setHgap(8);
        grid.setVgap(6);
        vm.rows().addListener((ListChangeListener<VariableRow>) c -> rebuild());
        rebuild();
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        TextField newName = new TextField();
        newName.setId("newVariableName");
        newName.setPromptText("new variable (dots nest: optimizer.momentum)");
        Button add = new Button("Add variable");
        add.setId("addVariableButton");
        add.setOnAction(e -> {
            vm.addVariable(newName.getText());
            newName.clear();
        });
        VBox form = new VBox(8, intro, scroll, new HBox(8, newName, add));
        VBox.setVgrow(scroll, Priority.ALWAYS);

        TextArea raw = new TextArea();
        raw.setId("rawJson");
        raw.setStyle("-fx-font-family: monospace;");
        vm.rawTextProperty().addListener((o, a, b) -> {
            if (!raw.getText().equals(b)) {
                raw.setText(b);
            }
        });
        raw.setText(vm.rawTextProperty().get());
        raw.textProperty().addListener((o, a, b) -> {
            if (!b.equals(vm.rawTextProperty().get())) {
                vm.rawEdited(b);
            }
        });
        Decorations.bind(raw, javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.rawValidProperty().get() ? "" : vm.rawErrorProperty().get(),
                vm.rawValidProperty(), vm.rawErrorProperty()), "");
        Label rawError = new Label();
        rawError.setId("rawJsonError");
        rawError.setWrapText(true);
        rawError.textProperty().bind(vm.rawErrorProperty());
        Button apply = new Button("Apply to form");
        apply.setId("applyRawButton");
        apply.disableProperty().bind(vm.rawValidProperty().not());
        apply.setOnAction(e -> vm.applyRaw(raw.getText()));
        VBox rawBox = new VBox(8, raw, new HBox(8, apply, rawError));
        VBox.setVgrow(raw, Priority.ALWAYS);
        rawBox.setPadding(new Insets(8));

        TabPane tabs = new TabPane(new Tab("Form", form), new Tab("Raw JSON", rawBox));
        tabs.setId("modelTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().get(1).setId("rawJsonTab");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        Label problems = new Label();
        problems.setId("modelProblems");
        problems.getStyleClass().add("error-text");
        problems.textProperty().bind(vm.generalProblemsProperty());
        Button save = new Button("Save model_config.json");
        save.setMnemonicParsing(false);
        save.setId("saveModelButton");
        save.disableProperty().bind(vm.validProperty().not());
        save.setOnAction(e -> vm.save(null));
        Label status = new Label();
        status.setId("modelStatus");
        status.textProperty().bind(vm.statusProperty());
        getChildren().addAll(tabs, problems, new HBox(12, save, status));
    }

    /** Node id prefix of a row's editors: {@code model_} and the name with dots and brackets as underscores. */
    public static String id(String name) {
        return "model_" + name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private void rebuild() {
        grid.getChildren().clear();
        grid.addRow(0, header("variable"), header("kind"), header("value / type"), header("domain"),
                header("transformation"), header("simpler"), header("exists when"), header(""),
                header("grid preview / problems"));
        int r = 1;
        for (VariableRow row : vm.rows()) {
            String id = id(row.name());
            Label name = new Label(row.name());
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            ComboBox<String> kind = combo(id + "_kind", row.kindProperty(), VariableRow.CONSTANT, VariableRow.HYPERPARAMETER);
            TextField constant = new TextField();
            constant.setId(id + "_value");
            constant.textProperty().bindBidirectional(row.constantProperty());
            ComboBox<String> type = combo(id + "_type", row.typeProperty(), VariableRow.TYPES.toArray(new String[0]));
            TextField domain = new TextField();
            domain.setId(id + "_domain");
            domain.setPromptText("lower, upper  or  a, b, c");
            domain.setPrefColumnCount(15);
            domain.setMinWidth(Region.USE_PREF_SIZE); // bounds are never cut off; the form scrolls sideways instead
            domain.textProperty().bindBidirectional(row.domainProperty());
            ComboBox<String> transformation = combo(id + "_transformation", row.transformationProperty(),
                    VariableRow.TRANSFORMATIONS.toArray(new String[0]));
            TextField simpler = new TextField();
            simpler.setId(id + "_simpler");
            simpler.setPromptText("lower / higher / a, b, c");
            simpler.setPrefColumnCount(12);
            simpler.textProperty().bindBidirectional(row.simplerProperty());
            Decorations.bind(simpler, row.simplerErrorProperty(), ConfigSchema.HP_SIMPLER.description());
            Decorations.bind(domain, row.errorProperty(), ConfigSchema.HP_DOMAIN.description());
            type.setTooltip(Decorations.wrapped(ConfigSchema.HP_TYPE.description()));
            transformation.setTooltip(Decorations.wrapped(ConfigSchema.HP_TRANSFORMATION.description()));
            HBox condition = conditionEditors(row, id);
            Label preview = new Label();
            preview.setId(id + "_preview");
            preview.getStyleClass().add("help");
            preview.textProperty().bind(row.previewProperty());
            Label error = new Label();
            error.setId(id + "_error");
            error.getStyleClass().add("error-text");
            error.textProperty().bind(row.errorProperty());
            error.setMaxWidth(420);
            Button remove = new Button("✕");
            remove.setId(id + "_remove");
            remove.setOnAction(e -> vm.removeVariable(row));
            Runnable visibility = () -> {
                boolean hp = row.isHyperparameter();
                constant.setVisible(!hp);
                constant.setManaged(!hp);
                type.setVisible(hp);
                type.setManaged(hp);
                domain.setDisable(!hp);
                simpler.setDisable(!hp);
                condition.setDisable(!hp);
                transformation.setDisable(!hp || "categorical".equals(row.typeProperty().get()));
                preview.setVisible(hp);
            };
            row.kindProperty().addListener((o, a, b) -> visibility.run());
            row.typeProperty().addListener((o, a, b) -> visibility.run());
            visibility.run();
            HBox valueCell = new HBox(constant, type);
            grid.addRow(r++, name, kind, valueCell, domain, transformation, simpler, condition, remove,
                    new VBox(preview, error));
        }
    }

    /**
     * A row's condition: the parent (chosen among the other categorical and discrete hyperparameters, listed
     * afresh each time the list opens), the parent's values for which the row exists, and the inactive value.
     */
    private HBox conditionEditors(VariableRow row, String id) {
        ComboBox<String> parent = new ComboBox<>();
        parent.setId(id + "_conditionParent");
        parent.setPromptText("always");
        parent.getItems().setAll(vm.conditionParents(row));
        if (!parent.getItems().contains(row.conditionParentProperty().get())) {
            parent.getItems().add(row.conditionParentProperty().get());
        }
        parent.setOnShowing(e -> {
            String current = parent.getValue();
            parent.getItems().setAll(vm.conditionParents(row));
            if (current != null && !parent.getItems().contains(current)) {
                parent.getItems().add(current);
            }
        });
        parent.valueProperty().bindBidirectional(row.conditionParentProperty());
        parent.setMinWidth(Region.USE_PREF_SIZE); // a parent's name is never cut to an ellipsis
        parent.setTooltip(Decorations.wrapped(ConfigSchema.HP_CONDITION.description()));
        TextField values = new TextField();
        values.setId(id + "_conditionValues");
        values.setPrefColumnCount(10);
        values.setMinWidth(90);
        values.textProperty().bindBidirectional(row.conditionValuesProperty());
        values.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> row.conditionParentProperty().get() == null || row.conditionParentProperty().get().isEmpty()
                        ? "" : "of " + vm.domainOf(row.conditionParentProperty().get()),
                row.conditionParentProperty()));
        TextField inactive = new TextField();
        inactive.setId(id + "_inactiveValue");
        inactive.setPromptText("inactive: left out");
        inactive.setPrefColumnCount(8);
        inactive.setMinWidth(70);
        inactive.textProperty().bindBidirectional(row.inactiveValueProperty());
        inactive.setTooltip(Decorations.wrapped(ConfigSchema.HP_INACTIVE_VALUE.description()));
        Runnable enable = () -> {
            boolean none = row.conditionParentProperty().get() == null || row.conditionParentProperty().get().isEmpty();
            values.setDisable(none);
            inactive.setDisable(none);
        };
        row.conditionParentProperty().addListener((o, a, b) -> enable.run());
        enable.run();
        return new HBox(4, parent, values, inactive);
    }

    private static Label header(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        // a header is never cut to an ellipsis: its column is at least as wide as the header
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("form-header");
        return l;
    }

    private static ComboBox<String> combo(String id, javafx.beans.property.StringProperty p, String... items) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.valueProperty().bindBidirectional(p);
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return c;
    }
}
