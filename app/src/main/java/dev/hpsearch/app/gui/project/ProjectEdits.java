package dev.hpsearch.app.gui.project;

import dev.hpsearch.app.gui.common.UnsavedEdits;
import java.util.ArrayList;
import java.util.List;

/**
 * The unsaved edits of a project's config forms (search settings, job, model config), asked about before the
 * project is left or a search is launched from the files on disk.
 */
public final class ProjectEdits implements UnsavedEdits {
    private final List<UnsavedEdits> forms;

    public ProjectEdits(List<? extends UnsavedEdits> forms) {
        this.forms = List.copyOf(forms);
    }

    @Override
    public List<String> unsaved() {
        List<String> out = new ArrayList<>();
        forms.forEach(f -> out.addAll(f.unsaved()));
        return out;
    }

    /** Saves each form with edits; stops at the first that is invalid or cannot be written. */
    @Override
    public boolean saveAll() {
        for (UnsavedEdits f : forms) {
            if (!f.saveAll()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void discardAll() {
        forms.forEach(UnsavedEdits::discardAll);
    }
}
