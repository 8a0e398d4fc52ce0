package dev.hpsearch.app.gui.about;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The About box: hpsearch's icon, the version and commit it was built from, and what it runs on. */
public final class AboutBox {
    private final Stage stage = new Stage();

    public AboutBox(Window owner, AboutInfo info) {
        Label title = new Label("hpsearch");
        title.setId("aboutTitle");
        title.getStyleClass().add("title-2");
        Label version = line(info.version(), "aboutVersion");
        Label what = new Label("Hyperparameter search for any analysis script, on this machine or a Slurm cluster.");
        Label runtime = line(info.runtime(), "aboutRuntime");
        Label jar = line("Runs from " + info.jar(), "aboutJar");
        Button copy = new Button("Copy");
        copy.setId("aboutCopy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(info.text());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button close = new Button("Close");
        close.setId("aboutClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, copy, close);
        VBox text = new VBox(6, title, version, what, runtime, jar);
        ImageView icon = new ImageView(new Image(AboutBox.class.getResource("/dev/hpsearch/app/gui/hpsearch.png")
                .toExternalForm(), 96, 96, true, true));
        HBox top = new HBox(18, icon, text);
        top.setAlignment(Pos.TOP_LEFT);
        VBox root = new VBox(16, top, buttons);
        root.setPadding(new Insets(20));
        root.setId("aboutBox");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("About hpsearch");
        stage.setScene(new Scene(root));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    /** Shows the box; it closes with its button or Escape. */
    public void show() {
        stage.show();
    }

    /** The box's window (tests). */
    public Stage stage() {
        return stage;
    }

    // a line that wraps rather than being cut to an ellipsis: a version is read whole (Copy puts it on the clipboard)
    private static Label line(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(560);
        return l;
    }
}
