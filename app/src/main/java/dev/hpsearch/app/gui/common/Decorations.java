package dev.hpsearch.app.gui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Shows a view-model's error text on a control: a ControlsFX style-class decoration (red outline through the
 * {@code error} style class) and the message as tooltip, removed when the error clears. The style-class
 * decoration is used rather than the graphic one because the graphic one wraps the scene root in a
 * DecorationPane, which with JavaFX 21 floods the log with CSS lookup warnings (controlsfx issue 1600) and
 * costs FX-thread time on every CSS pass.
 */
public final class Decorations {
    private static final StyleClassValidationDecoration DECORATION = new StyleClassValidationDecoration();

    private Decorations() {
    }

    /** Keeps the control's decoration in step with {@code error} ({@code null} or empty = valid). */
    public static void bind(Control control, ObservableValue<String> error, String help) {
        Runnable update = () -> apply(control, error.getValue(), help);
        error.addListener((o, a, b) -> update.run());
        update.run();
    }

    private static void apply(Control control, String message, String help) {
        DECORATION.removeDecorations(control);
        control.getStyleClass().remove("invalid");
        if (message != null && !message.isEmpty()) {
            control.getStyleClass().add("invalid");
            DECORATION.applyValidationDecoration(ValidationMessage.error(control, message));
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
