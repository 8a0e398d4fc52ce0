package dev.hpsearch.app.gui.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.config.ConfigKey;
import java.util.List;

/** A config form whose fields are schema keys (the search and job forms). */
public abstract class SchemaFormViewModel extends ConfigFormViewModel {
    private final SchemaForm form;

    protected SchemaFormViewModel(ConfigDocument document, List<ConfigKey> keys) {
        super(document);
        this.form = document.schemaForm(keys);
    }

    /** The fields, to render and to put problems at. */
    protected final SchemaForm form() {
        return form;
    }

    public final FieldViewModel field(String key) {
        return form.field(key);
    }

    public final List<FieldViewModel> fields() {
        return form.fields();
    }

    @Override
    public final void show(ObjectNode content) {
        form.show(content);
    }

    /** The file's content with the form's values; keys the form does not know are kept. */
    @Override
    public final ObjectNode document() {
        return form.document(configDocument().original());
    }
}
