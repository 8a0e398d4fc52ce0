package dev.hpsearch.app.gui.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The file behind a config form: loading it, whether the form holds unsaved edits ({@code dirty}) and is valid,
 * saving it, and dropping the edits. The three config forms share this flow; each supplies a {@link Form} that
 * fills itself from the file's content and says what content it describes.
 *
 * <p>Dirty means the content the form describes differs from what it showed after the last load or save, so an
 * edit that is undone is no longer unsaved.
 */
public final class ConfigDocument implements UnsavedEdits {

    /** What a config form does for its document. */
    public interface Form {
        /** Fills the form from the file's content. */
        void show(ObjectNode content);

        /** The content the form describes now. */
        ObjectNode document();

        /** Runs the loader's rules on the form's content, shows the problems, and says whether it is valid. */
        boolean validate();
    }

    private final String name;
    private final String what;
    private final String usualFileName;
    private final TaskRunner tasks;
    private final ObjectProperty<Path> file;
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringBinding title;
    private Form form;
    private ObjectNode shown = JsonNodeFactory.instance.objectNode();
    private ObjectNode baseline = JsonNodeFactory.instance.objectNode();
    private boolean showing;

    /**
     * @param name what the user calls the form ("Search settings"), used in the tab and in questions
     * @param file the file it edits
     * @param what what the form marks when invalid ("fields", "rows"), for the "not saved" message
     */
    public ConfigDocument(String name, Path file, TaskRunner tasks, String what) {
        this.name = name;
        this.usualFileName = file.getFileName().toString();
        this.tasks = tasks;
        this.file = new SimpleObjectProperty<>(file);
        this.what = what;
        this.title = Bindings.createStringBinding(() -> name
                + (usualFileName.equals(this.file.get().getFileName().toString()) ? ""
                : " (" + this.file.get().getFileName() + ")")
                + (dirty.get() ? " •" : ""), this.file, dirty);
    }

    /** Sets the form; called once by the view-model that owns this document. */
    public void attach(Form form) {
        this.form = form;
        this.baseline = form.document();
    }

    /** Fields of schema keys whose edits are validated and marked on this document. */
    public SchemaForm schemaForm(List<dev.hpsearch.optimizer.config.ConfigKey> keys) {
        return new SchemaForm(keys, this::changed);
    }

    /** The user changed the form: validates it and marks it dirty (nothing while the file is being shown). */
    public void changed() {
        if (!showing) {
            valid.set(form.validate());
            edited();
        }
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public Path file() {
        return file.get();
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanProperty validProperty() {
        return valid;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The tab's title: the name, the file when it is not the usual one, and "•" while edits are unsaved. */
    public StringBinding titleProperty() {
        return title;
    }

    /** The content last read from or written to the file (keys the form does not know are kept from here). */
    public ObjectNode original() {
        return shown.deepCopy();
    }

    /** Reads the file in the background and shows it. */
    public void load() {
        Path f = file.get();
        tasks.run(() -> JsonFiles.read(f, f.toString()), this::show,
                e -> status.set("Cannot read " + f.getFileName() + ": " + IoErrors.describe(e)));
    }

    /** Opens another file (after the caller settled the unsaved edits) and shows it. */
    public void open(Path other) {
        file.set(other);
        load();
    }

    /** Shows content as the file's: the form has no unsaved edits afterwards. */
    public void show(JsonNode content) {
        shown = content.isObject() ? ((ObjectNode) content).deepCopy() : JsonNodeFactory.instance.objectNode();
        showing = true;
        try {
            form.show(shown.deepCopy());
        } finally {
            showing = false;
        }
        baseline = form.document();
        dirty.set(false);
        valid.set(form.validate());
    }

    /** Marks the form dirty unless its content is what was last loaded or saved. */
    private void edited() {
        if (!showing) {
            dirty.set(!form.document().equals(baseline));
        }
    }

    /** Writes the file in the background; refused while the form is invalid. */
    public void save(Runnable onSaved) {
        if (!checkValid()) {
            return;
        }
        ObjectNode doc = form.document();
        Path target = file.get();
        tasks.run(() -> {
            JsonText.write(doc, target);
            return doc;
        }, d -> {
            saved(d, target);
            if (onSaved != null) {
                onSaved.run();
            }
        }, e -> status.set("Not saved: " + IoErrors.describe(e)));
    }

    /**
     * Writes the file now, on the calling thread: for a question about unsaved edits that must know the outcome
     * before the project closes (a config file is a few kilobytes on the local disk).
     *
     * @return false when the form is invalid or the file could not be written (the status says why)
     */
    public boolean saveNow() {
        if (!checkValid()) {
            return false;
        }
        ObjectNode doc = form.document();
        try {
            JsonText.write(doc, file.get());
        } catch (IOException e) {
            status.set("Not saved: " + IoErrors.describe(e));
            return false;
        }
        saved(doc, file.get());
        return true;
    }

    /** Drops the unsaved edits: the form shows the file's content again. */
    public void discard() {
        show(shown);
        status.set("Changes discarded");
    }

    private boolean checkValid() {
        boolean ok = form.validate();
        valid.set(ok);
        if (!ok) {
            status.set("Not saved: fix the marked " + what + " first");
        }
        return ok;
    }

    private void saved(ObjectNode doc, Path target) {
        shown = doc.deepCopy();
        baseline = doc.deepCopy();
        dirty.set(!form.document().equals(baseline));
        status.set("Saved " + target.getFileName());
    }

    @Override
    public List<String> unsaved() {
        return dirty.get() ? List.of(title()) : List.of();
    }

    /** The name and file, without the unsaved mark. */
    private String title() {
        String t = title.get();
        return t.endsWith(" •") ? t.substring(0, t.length() - 2) : t;
    }

    @Override
    public boolean saveAll() {
        return !dirty.get() || saveNow();
    }

    @Override
    public void discardAll() {
        if (dirty.get()) {
            discard();
        }
    }

    /** The name the user knows the form by. */
    public String name() {
        return name;
    }
}
