package dev.hpsearch.app.gui.common;

import javafx.scene.shape.SVGPath;

/**
 * Small line-art icons of our own (16 px, SVG paths), filled with the theme's foreground through the style class
 * {@code icon}, so they read in both themes.
 */
public enum Icons {
    /** The dark theme. */
    MOON("M6.5 1.2A6.9 6.9 0 1 0 14.8 9.5 5.6 5.6 0 0 1 6.5 1.2z"),
    /** Open a folder. */
    FOLDER("M1 3h5l1.6 1.6H15V14H1zM2.4 6v6.6h11.2V6z"),
    /** Make something new. */
    PLUS("M7 2h2v5h5v2H9v5H7V9H2V7h5z"),
    /** A file, such as an example input. */
    FILE("M3 1h6.5L13 4.5V15H3zM4.4 2.4v11.2h7.2V5.3H8.7V2.4z"),
    /** Recent items. */
    CLOCK("M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm0 1.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zM7.2 4h1.5v3.7l2.6 1.6-.8 1.3-3.3-2z");

    private final String path;

    Icons(String path) {
        this.path = path;
    }

    /** A new node of this icon (a node has one parent, so each use needs its own). */
    public SVGPath node() {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("icon");
        return p;
    }
}
