package dev.hpsearch.app.gui.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes plots as PNG (a snapshot) or SVG (the same drawing through {@link SvgPainter}). */
public final class Exports {
    private Exports() {
    }

    /** Snapshot of a node; call on the FX thread. */
    public static WritableImage snapshot(Node node) {
        return node.snapshot(null, null);
    }

    /** Writes an image as PNG; may run on any thread. */
    public static void writePng(WritableImage image, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** The plot as an SVG document of the given size, in the light theme's colours (for paper, whatever the app shows). */
    public static String svg(Plot plot, double width, double height) {
        SvgPainter p = new SvgPainter(width, height);
        p.setFill(PlotColours.LIGHT.background());
        p.rect(0, 0, width, height, true);
        plot.draw(p, width, height);
        return p.toSvg();
    }

    public static void writeText(String text, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
