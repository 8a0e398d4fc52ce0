package dev.hpsearch.app.gui.common;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * Shows a view-model's error text on a control: the {@code :danger} pseudo-class (the theme's red outline) and
 * the {@code invalid} style class, and the message as tooltip, all removed when the error clears.
 *
 * <p>ControlsFX's validation decorations are not used: every one of them, the style-class one too, goes through
 * its {@code Decorator}, which wraps the scene root in a {@code DecorationPane}; the root's looked-up colours
 * then fail to resolve for a CSS pass and JavaFX 21 prints about a hundred "Could not resolve" and
 * ClassCastException warnings each time a project opens (controlsfx issue 1600).
 */
public final class Decorations {
    /** AtlantaFX's state for a field with an error. */
    public static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    /** The style class of a control whose value has an error. */
    public static final String INVALID = "invalid";

    private Decorations() {
    }

    /** Keeps the control's decoration in step with {@code error} ({@code null} or empty = valid). */
    public static void bind(Control control, ObservableValue<String> error, String help) {
        Runnable update = () -> apply(control, error.getValue(), help);
        error.addListener((o, a, b) -> update.run());
        update.run();
    }

    private static void apply(Control control, String message, String help) {
        boolean invalid = message != null && !message.isEmpty();
        control.pseudoClassStateChanged(DANGER, invalid);
        control.getStyleClass().remove(INVALID);
        if (invalid) {
            control.getStyleClass().add(INVALID);
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
