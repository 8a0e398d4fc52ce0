package dev.hpsearch.app.gui.common;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;

/**
 * What the three config forms (search, job, model) share: a {@link ConfigDocument} for the file behind the form,
 * and the properties and actions a view binds to. A subclass calls {@link #attach()} at the end of its constructor,
 * once everything its {@link ConfigDocument.Form} methods use is set up.
 */
public abstract class ConfigFormViewModel implements ConfigDocument.Form {
    private final ConfigDocument document;

    protected ConfigFormViewModel(ConfigDocument document) {
        this.document = document;
    }

    /** Hands this form to its document. */
    protected final void attach() {
        document.attach(this);
    }

    /** The file, its dirty and valid state, saving and discarding. */
    public final ConfigDocument configDocument() {
        return document;
    }

    public final BooleanProperty validProperty() {
        return document.validProperty();
    }

    /** True while the form holds edits that are not saved. */
    public final BooleanProperty dirtyProperty() {
        return document.dirtyProperty();
    }

    public final StringProperty statusProperty() {
        return document.statusProperty();
    }

    /** Reads the file in the background. */
    public final void load() {
        document.load();
    }

    /** Fills the form from a file's content; it has no unsaved edits afterwards. */
    public final void setDocument(JsonNode root) {
        document.show(root);
    }

    /** Writes the file in the background; refused while invalid. */
    public final void save(Runnable onSaved) {
        document.save(onSaved);
    }
}
