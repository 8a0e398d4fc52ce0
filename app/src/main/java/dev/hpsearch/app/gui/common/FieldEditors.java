package dev.hpsearch.app.gui.common;

import dev.hpsearch.optimizer.config.ConfigKey;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/** Editors and rows for schema fields: the editor follows the key's type, the label and help its description. */
public final class FieldEditors {
    private FieldEditors() {
    }

    /** The node id of a field's editor: the prefix and the key with dots as underscores. */
    public static String id(String prefix, String key) {
        return prefix + key.replace('.', '_');
    }

    /**
     * Adds a row: ★ label (when the seed says "you must decide"), the editor, a "?" with the help, and
     * {@code extra} (a hint or buttons).
     */
    public static void addRow(GridPane grid, int row, FieldViewModel f, Control editor, Node extra) {
        ConfigKey k = f.key();
        Label label = new Label((k.mustDecide() ? "★ " : "") + f.label());
        if (k.mustDecide()) {
            label.getStyleClass().add("must-decide");
        }
        label.setTooltip(Decorations.wrapped(f.help()));
        editor.disableProperty().bind(f.enabledProperty().not());
        label.disableProperty().bind(f.enabledProperty().not());
        Decorations.bind(editor, f.errorProperty(), f.help());
        Label help = new Label("?");
        help.setTooltip(Decorations.wrapped(f.help()));
        grid.addRow(row, label, editor, help, extra);
    }

    /** The editor a key's type calls for, with the id {@code prefix + key}. */
    public static Control editor(FieldViewModel f, String prefix) {
        Control c = plain(f, prefix);
        c.setId(id(prefix, f.key().key()));
        return c;
    }

    private static Control plain(FieldViewModel f, String prefix) {
        ConfigKey k = f.key();
        switch (k.type()) {
            case CHOICE: {
                ComboBox<String> c = new ComboBox<>();
                c.getItems().setAll(k.choices());
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
            case CHOICES:
                return multi(f, prefix);
            default: {
                TextField t = new TextField();
                t.textProperty().bindBidirectional(f.textProperty());
                t.setPrefColumnCount(30);
                if (k.type() == ConfigKey.ValueType.FAILURE_VALUE) {
                    t.setPromptText("max, nan or a number");
                } else if (k.type() == ConfigKey.ValueType.SEED) {
                    t.setPromptText("empty: drawn at random");
                } else if (k.defaultValue() == null && !k.required()) {
                    t.setPromptText("empty: not set");
                }
                return t;
            }
        }
    }

    /** Check boxes for a list setting, kept in step with the field's "a, b" text. */
    private static Control multi(FieldViewModel f, String prefix) {
        HBox box = new HBox(10);
        List<CheckBox> boxes = new ArrayList<>();
        boolean[] syncing = {false};
        for (String choice : f.key().choices()) {
            CheckBox c = new CheckBox(choice);
            c.setId(id(prefix, f.key().key()) + "_" + choice);
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
            List<String> on = JsonText.splitList(f.textProperty().get() == null ? "" : f.textProperty().get());
            boxes.forEach(x -> x.setSelected(on.stream().anyMatch(s -> s.equalsIgnoreCase(x.getText()))));
            syncing[0] = false;
        };
        f.textProperty().addListener((o, a, b) -> fromText.run());
        fromText.run();
        box.getChildren().addAll(boxes);
        // a Control wrapper so the field can carry decorations and tooltips like the others
        Label holder = new Label();
        holder.setGraphic(box);
        return holder;
    }
}
