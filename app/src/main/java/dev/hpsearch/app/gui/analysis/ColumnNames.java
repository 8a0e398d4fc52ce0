package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.optimizer.analysis.Column;
import java.util.List;
import javafx.util.StringConverter;

/** Shows a column by its name in a choice box, and finds it again among the choices. */
final class ColumnNames extends StringConverter<Column> {
    private final List<Column> choices;

    ColumnNames(List<Column> choices) {
        this.choices = choices;
    }

    @Override
    public String toString(Column c) {
        return c == null ? "" : c.name();
    }

    @Override
    public Column fromString(String s) {
        return choices.stream().filter(c -> c.name().equals(s)).findFirst().orElse(null);
    }
}
