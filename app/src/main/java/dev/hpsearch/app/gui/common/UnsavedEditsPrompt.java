package dev.hpsearch.app.gui.common;

import java.util.List;

/** Asks save / discard / cancel about unsaved edits before something would drop or bypass them. */
public final class UnsavedEditsPrompt {
    private UnsavedEditsPrompt() {
    }

    /** The answers to the question. */
    public enum Choice { SAVE, DISCARD, CANCEL }

    /**
     * Settles the unsaved edits before {@code action} ("leaving the project"): nothing to ask when there are none;
     * saved, discarded, or the action called off, as the user answers. A form that cannot be saved (invalid) calls
     * the action off and says which.
     *
     * @return true when the caller may go ahead
     */
    public static boolean settle(UnsavedEdits edits, DialogService dialogs, String action) {
        List<String> names = edits.unsaved();
        if (names.isEmpty()) {
            return true;
        }
        String message = String.join(", ", names) + (names.size() == 1 ? " has" : " have")
                + " unsaved changes. Save them before " + action + "?";
        switch (dialogs.askSaveDiscardCancel("Unsaved changes", message)) {
            case SAVE:
                if (edits.saveAll()) {
                    return true;
                }
                dialogs.showError("Not saved", "Not saved: " + String.join(", ", edits.unsaved())
                        + ". Fix the marked fields first, or discard the changes.");
                return false;
            case DISCARD:
                edits.discardAll();
                return true;
            default:
                return false;
        }
    }
}
