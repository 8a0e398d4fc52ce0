package dev.hpsearch.app.gui.common;

import java.util.List;

/**
 * The edits of a project's forms that are not saved yet, asked about before anything would drop or bypass them
 * (launching a search from the files on disk, leaving the project, closing the window).
 */
public interface UnsavedEdits {
    /** Edits nobody can have: for views without forms, and tests. */
    UnsavedEdits NONE = new UnsavedEdits() {
        @Override
        public List<String> unsaved() {
            return List.of();
        }

        @Override
        public boolean saveAll() {
            return true;
        }

        @Override
        public void discardAll() {
        }
    };

    /** The names of the forms with unsaved edits (for example "Search settings"), empty when all are saved. */
    List<String> unsaved();

    /** Saves every form with edits; {@code false} when one is invalid and was left unsaved (it says why). */
    boolean saveAll();

    /** Drops every unsaved edit: the forms show the files again. */
    void discardAll();
}
