package dev.hpsearch.app.gui.common;

import dev.hpsearch.optimizer.config.ConfigKey;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One form field of a config key: its text, whether it applies to the current settings, and its error. */
public final class FieldViewModel {
    private final ConfigKey key;
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty error = new SimpleStringProperty("");

    public FieldViewModel(ConfigKey key) {
        this.key = key;
        text.set(key.defaultText());
    }

    /** The schema's entry: type, default, choices, help. */
    public ConfigKey key() {
        return key;
    }

    /** The label shown beside the editor: the key (inside bopt_config) with spaces for underscores. */
    public String label() {
        return key.localName().replace('_', ' ');
    }

    /** The help text: the description, what is allowed, where it matters and the default. */
    public String help() {
        StringBuilder b = new StringBuilder(key.description());
        b.append("\nAllowed: ").append(key.allowed()).append(". Applies to: ").append(key.relevance().text()).append('.');
        if (key.defaultValue() != null) {
            b.append(" Default: ").append(key.defaultText().isEmpty() ? "none" : key.defaultText()).append('.');
        }
        return b.toString();
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
