package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.UiScheduler;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The dashboard's status line: what is on screen now (running, following, ended, a file shown), a message about an
 * action over it until the next one (an error, "Cancelling…"), or a passing note that goes after a while.
 */
final class StatusLine {
    private final UiScheduler scheduler;
    private final StringProperty text;
    private String state;
    private UiScheduler.Cancellable expiry;

    StatusLine(UiScheduler scheduler, String initial) {
        this.scheduler = scheduler;
        this.text = new SimpleStringProperty(initial);
        this.state = initial;
    }

    StringProperty textProperty() {
        return text;
    }

    /** What is on screen now; shown at once. */
    void state(String s) {
        state = s;
        show(s);
    }

    /** A message about an action, shown until the next one. */
    void say(String s) {
        show(s);
    }

    /** A passing note: after {@link DashboardViewModel#NOTE_LIFETIME} the line says what is on screen again. */
    void note(String s) {
        show(s);
        expiry = scheduler.schedule(DashboardViewModel.NOTE_LIFETIME, () -> {
            expiry = null;
            text.set(state);
        });
    }

    /** Back to what is on screen (the action's message is stale). */
    void backToState() {
        show(state);
    }

    private void show(String s) {
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
        text.set(s);
    }
}
