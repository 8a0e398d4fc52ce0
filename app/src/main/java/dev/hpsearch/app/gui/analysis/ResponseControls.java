package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.optimizer.analysis.Column;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The choosers of the shared response (the loss or a metric) and its direction, as the Sensitivity and Selection
 * views both show them: the two views choose one and the same response.
 */
final class ResponseControls {
    static final String LOWER = "lower is better";
    static final String HIGHER = "higher is better";

    private ResponseControls() {
    }

    /** The response's chooser, bound both ways to {@code value}. */
    static ComboBox<Column> response(String id, ObservableList<Column> choices, ObjectProperty<Column> value) {
        ComboBox<Column> box = new ComboBox<>(choices);
        box.setId(id);
        box.setConverter(new ColumnNames(choices));
        box.valueProperty().bindBidirectional(value);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** The direction's chooser, following {@code minimize} both ways; disabled while the loss is the response. */
    static ComboBox<String> direction(String id, BooleanProperty minimize, ReadOnlyBooleanProperty fixed) {
        ComboBox<String> direction = new ComboBox<>();
        direction.setId(id);
        direction.getItems().setAll(LOWER, HIGHER);
        direction.setValue(minimize.get() ? LOWER : HIGHER);
        direction.valueProperty().addListener((o, a, b) -> minimize.set(LOWER.equals(b)));
        minimize.addListener((o, a, b) -> direction.setValue(b ? LOWER : HIGHER));
        direction.disableProperty().bind(fixed);
        direction.setMinWidth(Region.USE_PREF_SIZE);
        direction.setTooltip(new Tooltip("The loss is always lower-is-better; for a metric, say which way is better"));
        return direction;
    }
}
