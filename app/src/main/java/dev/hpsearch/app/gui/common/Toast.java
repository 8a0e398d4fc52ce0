package dev.hpsearch.app.gui.common;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A short message in the window's bottom-right corner that goes by itself, or at a click: a search ended. It lives
 * in the window's own scene, so it is styled from that scene's CSS, already computed. A popup window of its own
 * (as ControlsFX's notification was) costs a first CSS pass of the whole theme, which froze the window for about
 * half a second each time a search ended (bench/gui.sh). Newer messages stack above older ones.
 */
public final class Toast {
    static final String STYLE = "toast";

    private Toast() {
    }

    /** Shows {@code title} and {@code text} over {@code root} for {@code seconds}. */
    public static void show(StackPane root, String title, String text, double seconds) {
        VBox box = box(root);
        Label heading = new Label(title);
        heading.getStyleClass().add("toast-title");
        heading.setWrapText(true);
        Label body = new Label(text);
        body.setWrapText(true);
        VBox toast = new VBox(4, heading, body);
        toast.getStyleClass().add(STYLE);
        toast.setMaxWidth(380);
        toast.setMinHeight(Region.USE_PREF_SIZE);
        PauseTransition life = new PauseTransition(Duration.seconds(seconds));
        life.setOnFinished(e -> remove(root, box, toast));
        toast.setOnMouseClicked(e -> {
            life.stop();
            remove(root, box, toast);
        });
        box.getChildren().add(0, toast);
        life.play();
    }

    /** The column of messages in {@code root}'s corner, added on the first message. */
    private static VBox box(StackPane root) {
        for (var n : root.getChildren()) {
            if (n instanceof VBox v && "toasts".equals(v.getId())) {
                return v;
            }
        }
        VBox box = new VBox(8);
        box.setId("toasts");
        box.setAlignment(Pos.BOTTOM_RIGHT);
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setPickOnBounds(false);
        StackPane.setAlignment(box, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(box, new Insets(0, 16, 16, 0));
        root.getChildren().add(box);
        return box;
    }

    private static void remove(StackPane root, VBox box, VBox toast) {
        box.getChildren().remove(toast);
        if (box.getChildren().isEmpty()) {
            root.getChildren().remove(box);
        }
    }
}
