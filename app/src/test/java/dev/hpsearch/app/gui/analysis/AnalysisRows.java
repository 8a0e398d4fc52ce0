package dev.hpsearch.app.gui.analysis;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.app.gui.MainWindow;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.app.gui.common.SvgPainter;
import dev.hpsearch.app.gui.common.Theme;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.exec.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Results for the analysis view-model tests: hyperparameters lr, l2 and act; a metric "accuracy" on most rows. */
final class AnalysisRows {
    static final List<String> NAMES = List.of("lr", "l2", "act");

    private AnalysisRows() {
    }

    static ResultRow row(int id, Double loss, double lr, double l2, String act, Map<String, Double> metrics) {
        return new ResultRow(id, loss == null ? "failed" : "ok", loss, List.of(DoubleNode.valueOf(lr),
                DoubleNode.valueOf(l2), TextNode.valueOf(act)), "", 1, "random", "", "", Provenance.NONE, metrics);
    }

    /**
     * {@code n} rows: the loss grows with lr, the accuracy falls with l2; every fifth row has no accuracy, and
     * row 3 failed. Row 0 has l2 = 7.79988e-6 and the lowest loss.
     */
    static ResultsModel model(int n) {
        SplittableRandom rng = new SplittableRandom(7);
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double lr = i == 0 ? 1e-4 : Math.pow(10, -4 + 3 * rng.nextDouble());
            double l2 = i == 0 ? 7.79988e-6 : Math.pow(10, -5 + 4 * rng.nextDouble());
            Double loss = i == 3 ? null : i == 0 ? 0.01 : 0.02 + lr * 100 + 0.01 * rng.nextDouble();
            Map<String, Double> metrics = i % 5 == 4 ? Map.of() : Map.of("accuracy", 0.99 - 0.5 * l2 / (l2 + 1e-3));
            rows.add(row(i, loss, lr, l2, i % 2 == 0 ? "relu" : "tanh", metrics));
        }
        ResultsModel m = new ResultsModel();
        m.show(NAMES, null, rows);
        return m;
    }

    /** The sizes of every text a plot draws. */
    static List<Double> textSizes(Plot plot, double w, double h) {
        Matcher m = Pattern.compile("font-size=\"([0-9.]+)\"").matcher(svg(plot, w, h));
        List<Double> sizes = new ArrayList<>();
        while (m.find()) {
            sizes.add(Double.parseDouble(m.group(1)));
        }
        return sizes;
    }

    /** Shows a view in a window of the app's light theme and styles, as the app shows it. */
    static void show(Stage stage, Parent view, double w, double h) {
        Theme.LIGHT.apply();
        Scene scene = new Scene(view, w, h);
        scene.getStylesheets().add(MainWindow.class.getResource("hpsearch.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    static String svg(Plot plot, double w, double h) {
        SvgPainter p = new SvgPainter(w, h);
        plot.draw(p, w, h);
        return p.toSvg();
    }
}
