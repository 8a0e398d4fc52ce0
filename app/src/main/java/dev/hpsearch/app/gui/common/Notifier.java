package dev.hpsearch.app.gui.common;

/** Desktop notifications (a search ended), behind an interface so that view-models and tests can observe them. */
@FunctionalInterface
public interface Notifier {
    /** Does nothing: for view-models built without a desktop. */
    Notifier NONE = (title, text) -> {
    };

    /** Shows a short notification; called on the JavaFX thread. */
    void notify(String title, String text);
}
