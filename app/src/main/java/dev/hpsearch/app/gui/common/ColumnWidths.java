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
 * Keeps a table column as wide as its text, so that no number is cut off or ends in an ellipsis: at least as wide as
 * its header and the widest cell seen so far. Rows are offered as they come (only new ones), and of those only the few
 * longest texts are measured, so a batch costs one pass over its own strings however long the table is.
 *
 * @param <R> the table's row type
 */
public final class ColumnWidths<R> {
    /** A cell's padding and the sort arrow's room. */
    private static final double PADDING = 24;
    private static final int MEASURED = 8;
    private final TableColumn<R, ?> column;
    private final Function<R, String> text;
    private final Text probe = new Text();
    private double widest = -1;
    /** The most characters of a text measured so far. */
    private int longest;

    /** @param text how a cell of the column writes a row */
    public ColumnWidths(TableColumn<R, ?> column, Function<R, String> text) {
        this.column = column;
        this.text = text;
    }

    /** Widens the column, if needed, for {@code rows} (rows not offered before) written in {@code font}. */
    public void fit(List<R> rows, Font font) {
        if (widest < 0) {
            // the header, drawn in bold
            widest = measure(column.getText(), Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        }
        List<String> texts = new ArrayList<>(rows.size());
        for (R r : rows) {
            String t = text.apply(r);
            if (t != null && !t.isEmpty()) {
                texts.add(t);
            }
        }
        texts.sort(Comparator.comparingInt(String::length).reversed());
        // a text much shorter than one measured before cannot be wider (digits are of one width)
        for (String t : texts.subList(0, Math.min(MEASURED, texts.size()))) {
            if (t.length() + 2 < longest) {
                break;
            }
            longest = Math.max(longest, t.length());
            widest = Math.max(widest, measure(t, font));
        }
        double width = Math.ceil(widest + PADDING);
        column.setMinWidth(width);
        if (column.getPrefWidth() < width) {
            column.setPrefWidth(width);
        }
    }

    /** Forgets what was measured (another font): the next {@link #fit} must be offered every row again. */
    public void reset() {
        widest = -1;
        longest = 0;
    }

    private double measure(String s, Font font) {
        probe.setFont(font);
        probe.setText(s);
        return probe.getLayoutBounds().getWidth();
    }
}
