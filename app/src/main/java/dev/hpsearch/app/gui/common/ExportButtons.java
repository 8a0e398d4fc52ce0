package dev.hpsearch.app.gui.common;

import dev.hpsearch.optimizer.text.IoErrors;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;

/** "PNG" and "SVG" buttons for a plot canvas; files are written off the FX thread. */
public final class ExportButtons {
    private ExportButtons() {
    }

    public static HBox of(String idPrefix, PlotCanvas canvas, DialogService dialogs, TaskRunner tasks, String baseName,
                          Supplier<Path> folder) {
        Button png = new Button("PNG…");
        png.setId(idPrefix + "PngButton");
        png.setOnAction(e -> dialogs.saveFile("Save plot as PNG", folder.get(), baseName + ".png").ifPresent(file -> {
            WritableImage image = Exports.snapshot(canvas.canvas());
            tasks.run(() -> {
                Exports.writePng(image, file);
                return file;
            }, f -> { }, ex -> dialogs.showError("PNG not saved", IoErrors.describe(ex)));
        }));
        Button svg = new Button("SVG…");
        svg.setId(idPrefix + "SvgButton");
        svg.setOnAction(e -> dialogs.saveFile("Save plot as SVG", folder.get(), baseName + ".svg").ifPresent(file -> {
            String text = Exports.svg(canvas.plot(), canvas.getWidth(), canvas.getHeight());
            tasks.run(() -> {
                Exports.writeText(text, file);
                return file;
            }, f -> { }, ex -> dialogs.showError("SVG not saved", IoErrors.describe(ex)));
        }));
        return new HBox(6, png, svg);
    }

    /**
     * A button that asks where to save {@code fileName} (starting in {@code folder}) and hands the answer to
     * {@code write}, which writes it off the FX thread and reports how it went.
     */
    public static Button saveAs(String id, String label, DialogService dialogs, Supplier<Path> folder, String fileName,
                                Consumer<Path> write) {
        Button b = new Button(label);
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> dialogs.saveFile(label.replace("…", ""), folder.get(), fileName).ifPresent(write));
        return b;
    }
}
