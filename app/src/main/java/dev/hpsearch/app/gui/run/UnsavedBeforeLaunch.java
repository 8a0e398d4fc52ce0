package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.UnsavedEdits;
import dev.hpsearch.app.gui.common.UnsavedEditsPrompt;
import java.util.List;

/**
 * A launch reads the configs from disk: unsaved form edits are saved or discarded first, or the launch is cancelled,
 * as the user answers (the project's one question, {@link UnsavedEditsPrompt}).
 */
final class UnsavedBeforeLaunch {
    private UnsavedBeforeLaunch() {
    }

    /** Asks about unsaved edits; returns why not to launch, or {@code null} to go on. */
    static String settle(UnsavedEdits edits, DialogService dialogs, String what) {
        List<String> unsaved = edits.unsaved();
        if (UnsavedEditsPrompt.settle(edits, dialogs, what)) {
            return null;
        }
        return "Not launched (" + what + " cancelled): " + String.join(", ", edits.unsaved().isEmpty() ? unsaved
                : edits.unsaved()) + " still unsaved";
    }
}
