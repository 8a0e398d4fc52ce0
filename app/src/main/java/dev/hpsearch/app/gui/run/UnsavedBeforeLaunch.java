package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.UnsavedEdits;
import java.util.List;
import java.util.Optional;

/**
 * A launch reads the configs from disk: unsaved form edits are saved or discarded first, or the launch is cancelled,
 * as the user answers.
 */
final class UnsavedBeforeLaunch {
    /** The answers. */
    static final String SAVE = "Save and launch";
    static final String DISCARD = "Discard and launch";
    static final String CANCEL = "Cancel";

    private UnsavedBeforeLaunch() {
    }

    /** Asks about unsaved edits; returns why not to launch, or {@code null} to go on. */
    static String settle(UnsavedEdits edits, DialogService dialogs, String what) {
        List<String> unsaved = edits.unsaved();
        if (unsaved.isEmpty()) {
            return null;
        }
        Optional<String> answer = dialogs.choose("Unsaved changes",
                String.join(", ", unsaved) + (unsaved.size() == 1 ? " has" : " have") + " unsaved changes. A search"
                        + " runs from the files on disk: save them first, or launch without them?",
                List.of(SAVE, DISCARD, CANCEL));
        if (answer.isPresent() && answer.get().equals(SAVE)) {
            return edits.saveAll() ? null : "Not launched: " + String.join(", ", edits.unsaved())
                    + " could not be saved (see the form's errors)";
        }
        if (answer.isPresent() && answer.get().equals(DISCARD)) {
            edits.discardAll();
            return null;
        }
        return "Not launched (" + what + " cancelled): " + String.join(", ", unsaved) + " still unsaved";
    }
}
