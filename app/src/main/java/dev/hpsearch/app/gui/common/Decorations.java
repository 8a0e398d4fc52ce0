package dev.hpsearch.app.gui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Shows a view-model's error text on a control: a ControlsFX error decoration and the message as tooltip,
 * removed when the error clears.
 */
public final class Decorations {
    private static final GraphicValidationDecoration DECORATION = new GraphicValidationDecoration();

    private Decorations() {
    }

    /** Keeps the control's decoration in step with {@code error} ({@code null} or empty = valid). */
    public static void bind(Control control, ObservableValue<String> error, String help) {
        Runnable update = () -> apply(control, error.getValue(), help);
        error.addListener((o, a, b) -> update.run());
        control.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                update.run();
            }
        });
        update.run();
    }

    private static void apply(Control control, String message, String help) {
        DECORATION.removeDecorations(control);
        control.getStyleClass().remove("invalid");
        if (message != null && !message.isEmpty()) {
            control.getStyleClass().add("invalid");
            if (control.getScene() != null) {
                DECORATION.applyValidationDecoration(ValidationMessage.error(control, message));
            }
            control.setTooltip(new Tooltip(message));
        } else {
            control.setTooltip(help == null || help.isEmpty() ? null : wrapped(help));
        }
    }

    /** A tooltip with wrapped text. */
    public static Tooltip wrapped(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(480);
        return t;
    }

}
