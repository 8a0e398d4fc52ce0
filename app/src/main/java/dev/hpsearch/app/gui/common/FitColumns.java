package dev.hpsearch.app.gui.common;

import java.util.function.Function;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Sizes a table's columns to their content, header included, so that no cell is cut with an ellipsis (a number
 * cut short reads as another number).
 */
public final class FitColumns {
    /** Room for the cell's padding and the header's sort arrow. */
    private static final double PADDING = 26;

    private FitColumns() {
    }

    /**
     * Sets each column's minimum and preferred width to the widest of its header and cells.
     *
     * @param cellText the text a column shows for a row
     */
    public static <S> void fit(TableView<S> table, Function<TableColumn<S, ?>, Function<S, String>> cellText) {
        Text probe = new Text();
        Font cell = Font.getDefault();
        // headers are set in bold
        Font header = Font.font(cell.getFamily(), FontWeight.BOLD, cell.getSize());
        for (TableColumn<S, ?> c : table.getColumns()) {
            probe.setFont(header);
            double w = width(probe, c.getText());
            probe.setFont(cell);
            Function<S, String> text = cellText.apply(c);
            for (S row : table.getItems()) {
                w = Math.max(w, width(probe, text.apply(row)));
            }
            c.setMinWidth(w + PADDING);
            c.setPrefWidth(w + PADDING);
        }
    }

    private static double width(Text probe, String s) {
        probe.setText(s == null ? "" : s);
        return probe.getLayoutBounds().getWidth();
    }
}
