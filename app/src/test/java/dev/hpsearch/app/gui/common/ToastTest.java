package dev.hpsearch.app.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.MainWindow;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The message a search's end leaves in the window's corner: in the window's own scene, gone by itself or at a click. */
@ExtendWith(ApplicationExtension.class)
class ToastTest {
    private Stage stage;
    private StackPane root;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
        root = new StackPane(new Label("the page"));
        Scene scene = new Scene(root, 800, 600);
        scene.getStylesheets().add(MainWindow.class.getResource("hpsearch.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theDialogServiceShowsAMessageInTheWindowThatAClickDismisses(FxRobot robot) {
        robot.interact(() -> new FxDialogService(stage).notify("hpsearch: demo hp_search_0",
                "Search complete: max_suggestions (24) reached"));
        WaitForAsyncUtils.waitForFxEvents();

        Node toast = robot.lookup("." + Toast.STYLE).query();
        assertThat(toast.getScene()).as("no window of its own").isSameAs(stage.getScene());
        assertThat(robot.from(toast).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("hpsearch: demo hp_search_0", "Search complete: max_suggestions (24) reached");
        // the corner only: the page under it still takes clicks elsewhere
        assertThat(toast.getBoundsInParent().getWidth()).isLessThanOrEqualTo(380);
        assertThat(toast.localToScene(toast.getBoundsInLocal()).getMaxX()).isGreaterThan(700);
        assertThat(toast.localToScene(toast.getBoundsInLocal()).getMaxY()).isGreaterThan(500);

        robot.clickOn(toast);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("." + Toast.STYLE).tryQuery()).isEmpty();
        assertThat(root.getChildren()).hasSize(1);
    }

    @Test
    void messagesStackNewestFirstAndGoByThemselves(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Toast.show(root, "first", "ends later", 0.6);
            Toast.show(root, "second", "ends sooner", 0.3);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".toast-title").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("second", "first");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".toast-title").queryAll().size() == 1);
        assertThat(robot.lookup(".toast-title").queryAs(Label.class).getText()).isEqualTo("first");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("." + Toast.STYLE).tryQuery().isEmpty());
        assertThat(root.getChildren()).as("the corner's column goes with its last message").hasSize(1);
    }
}
