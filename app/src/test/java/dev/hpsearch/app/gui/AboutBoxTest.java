package dev.hpsearch.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.about.AboutInfo;
import dev.hpsearch.app.gui.common.Exports;
import dev.hpsearch.optimizer.engine.HpSearchVersion;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The About box names the build exactly as {@code hpsearch --version} does, and the runtime it runs on. */
class AboutBoxTest extends DesktopScenario {

    @Test
    void theAboutBoxShowsTheVersionAndCommitOfHpsearchVersion(FxRobot robot) throws Exception {
        robot.clickOn("#aboutButton");
        waitUntil(() -> robot.lookup("#aboutVersion").tryQuery().isPresent());
        Label version = robot.lookup("#aboutVersion").queryAs(Label.class);
        assertThat(version.getText()).isEqualTo("hpsearch " + HpSearchVersion.current())
                .matches("hpsearch \\d+\\.\\d+\\.\\d+\\S* \\(commit [0-9a-f]{7,} of \\d{4}-\\d\\d-\\d\\d.*\\)");
        assertThat(robot.lookup("#aboutRuntime").queryAs(Label.class).getText())
                .startsWith("Java " + System.getProperty("java.runtime.version")).contains("JavaFX 21");
        assertThat(robot.lookup("#aboutJar").queryAs(Label.class).getText()).isEqualTo("Runs from " + AboutInfo.current().jar());

        robot.clickOn("#aboutCopy");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS);
        assertThat(copied).startsWith(version.getText() + "\n").contains("Java ");

        Stage box = (Stage) version.getScene().getWindow();
        var image = WaitForAsyncUtils.asyncFx(() -> Exports.snapshot(box.getScene().getRoot())).get(10, TimeUnit.SECONDS);
        Exports.writePng(image, SHOTS.resolve("about-box.png"));

        robot.clickOn("#aboutClose");
        waitUntil(() -> !box.isShowing());
        assertThat(Window.getWindows()).doesNotContain(box);
    }
}
