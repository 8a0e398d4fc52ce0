package dev.hpsearch.app.gui.results;

import dev.hpsearch.optimizer.analysis.Column;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The response the analysis is about, owned once: the loss or a metric the script reported, and whether lower or
 * higher values are better. The Sensitivity and Selection views choose it and the Report button reports on it, so
 * the three never disagree. The loss is always lower-is-better; a metric that no row has any more falls back to
 * the loss. Changed on the UI thread only.
 */
public final class ResponseChoice {
    private final ObservableList<String> metrics;
    private final ObservableList<Column> responses = FXCollections.observableArrayList(Column.LOSS);
    private final ObjectProperty<Column> response = new SimpleObjectProperty<>(Column.LOSS);
    private final BooleanProperty minimize = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper directionFixed = new ReadOnlyBooleanWrapper(true);

    /**
     * @param metrics the names of the metrics the results have, kept current by their owner
     */
    public ResponseChoice(ObservableList<String> metrics) {
        this.metrics = metrics;
        metrics.addListener((ListChangeListener<String>) c -> refresh());
        response.addListener((o, a, b) -> {
            boolean loss = b == null || b.kind() == Column.Kind.LOSS;
            directionFixed.set(loss);
            if (loss) {
                minimize.set(true);
            }
        });
        refresh();
    }

    /** What can be chosen: the loss and each metric the script reported. */
    public ObservableList<Column> responses() {
        return responses;
    }

    /** The chosen response; the loss until another is chosen. */
    public ObjectProperty<Column> responseProperty() {
        return response;
    }

    /** Whether lower values of the response are better; always true for the loss. */
    public BooleanProperty minimizeProperty() {
        return minimize;
    }

    /** True while the response is the loss, which is always minimized. */
    public ReadOnlyBooleanProperty directionFixedProperty() {
        return directionFixed.getReadOnlyProperty();
    }

    /** The chosen response as the analysis names it: {@code "loss"} or the metric's name. */
    public String metric() {
        Column c = response.get();
        return c == null || c.kind() == Column.Kind.LOSS ? "loss" : c.name();
    }

    /** The chosen response as a column ({@link Column#LOSS} when none is chosen). */
    public Column column() {
        return response.get() == null ? Column.LOSS : response.get();
    }

    private void refresh() {
        List<Column> next = new ArrayList<>(List.of(Column.LOSS));
        metrics.forEach(m -> next.add(Column.metric(m)));
        if (!next.equals(responses)) {
            Column keep = response.get();
            responses.setAll(next);
            response.set(next.contains(keep) ? keep : Column.LOSS);
        }
    }
}
