package dev.hpsearch.app.gui.search;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One form field: its text, whether it applies to the chosen search type, and its error. */
public final class FieldViewModel {
    private final FieldSpec spec;
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty error = new SimpleStringProperty("");

    public FieldViewModel(FieldSpec spec) {
        this.spec = spec;
        text.set(spec.recommendation());
    }

    public FieldSpec spec() {
        return spec;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
