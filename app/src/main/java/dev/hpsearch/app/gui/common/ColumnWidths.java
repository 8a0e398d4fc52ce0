package dev.hpsearch.app.gui.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Sizes a table column to its text, so that no number is cut off or ends in an ellipsis: the column is at least as
 * wide as its header and its widest cell. Only the few longest texts are measured, so ten thousand rows cost one pass
 * over the strings.
 */
public final class ColumnWidths {
    /** A cell's padding and the sort arrow's room. */
    private static final double PADDING = 24;
    private static final int MEASURED = 8;

    private ColumnWidths() {
    }

    /**
     * Makes {@code column} at least as wide as its header (in bold, as headers are drawn) and every text of
     * {@code rows} (as {@code text} writes it, in {@code font}).
     */
    public static <R> void fit(TableColumn<R, ?> column, List<R> rows, Function<R, String> text, Font font) {
        List<String> texts = new ArrayList<>(rows.size());
        for (R r : rows) {
            String t = text.apply(r);
            if (t != null) {
                texts.add(t);
            }
        }
        texts.sort(Comparator.comparingInt(String::length).reversed());
        Text probe = new Text();
        probe.setFont(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        probe.setText(column.getText());
        double widest = probe.getLayoutBounds().getWidth();
        probe.setFont(font);
        for (String t : texts.subList(0, Math.min(MEASURED, texts.size()))) {
            probe.setText(t);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        double width = Math.ceil(widest + PADDING);
        column.setMinWidth(width);
        if (column.getPrefWidth() < width) {
            column.setPrefWidth(width);
        }
    }
}
