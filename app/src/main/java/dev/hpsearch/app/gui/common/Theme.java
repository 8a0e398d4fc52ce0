package dev.hpsearch.app.gui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;

/**
 * The app's look: AtlantaFX's Primer themes. Our own stylesheet and the plots take their colours from the
 * theme's looked-up colours ({@code -color-fg-default} and so on), so they read well in both. The compiled
 * (binary) stylesheets are used: they load faster than the CSS text, which counts for the start of the app.
 */
public enum Theme {
    LIGHT("light", new PrimerLight().getUserAgentStylesheetBSS()),
    DARK("dark", new PrimerDark().getUserAgentStylesheetBSS());

    private final String key;
    private final String stylesheet;

    Theme(String key, String stylesheet) {
        this.key = key;
        this.stylesheet = stylesheet;
    }

    /** The word stored in the user's preferences and used in screenshot names. */
    public String key() {
        return key;
    }

    /** The theme a stored word names, if any (case-insensitive). */
    public static Optional<Theme> parse(String word) {
        for (Theme t : values()) {
            if (t.key.equals(word == null ? null : word.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Makes this the look of every window of the app; call on the FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet);
    }
}
