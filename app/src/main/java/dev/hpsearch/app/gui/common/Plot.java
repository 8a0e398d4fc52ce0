package dev.hpsearch.app.gui.common;

/** Something drawn with a {@link Painter} into a box of a given size. */
public interface Plot {
    void draw(Painter p, double width, double height);
}
