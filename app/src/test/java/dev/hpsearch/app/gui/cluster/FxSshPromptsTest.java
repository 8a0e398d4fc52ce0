package dev.hpsearch.app.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The user-name question as SSH asks it: from a background thread, shown as a dialog on the FX thread, answered
 * there. Headless TestFX; ClusterContactViewModelIT shows that the answer is what logs in.
 */
@ExtendWith(ApplicationExtension.class)
class FxSshPromptsTest {
    private FxSshPrompts prompts;

    @Start
    void start(Stage stage) {
        prompts = new FxSshPrompts(stage);
        stage.setScene(new Scene(new StackPane(), 300, 200)); // an owner window, as the app's main window is
        stage.show();
    }

    private CompletableFuture<String> ask() {
        return CompletableFuture.supplyAsync(() -> prompts.userName("login.example.org", 2200));
    }

    private static DialogPane dialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#userNameDialog").tryQuery().isPresent());
        return robot.lookup("#userNameDialog").query();
    }

    @Test
    void theUserNameIsAskedInADialogNamingTheHostAndTheAnswerIsReturned(FxRobot robot) throws Exception {
        CompletableFuture<String> answer = ask();
        DialogPane pane = dialog(robot);
        assertThat(pane.getHeaderText()).contains("login.example.org (port 2200)").contains("profile");
        robot.interact(() -> robot.from(pane).lookup("#userNameField").queryAs(TextField.class).setText("  jdoe "));
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("jdoe");
    }

    @Test
    void cancellingOrLeavingItEmptyGivesNoUser(FxRobot robot) throws Exception {
        CompletableFuture<String> cancelled = ask();
        DialogPane pane = dialog(robot);
        robot.interact(() -> robot.from(pane).lookup("#userNameField").queryAs(TextField.class).setText("jdoe"));
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
        assertThat(cancelled.get(10, TimeUnit.SECONDS)).isNull();

        CompletableFuture<String> empty = ask();
        DialogPane again = dialog(robot);
        robot.interact(() -> ((Button) again.lookupButton(ButtonType.OK)).fire());
        assertThat(empty.get(10, TimeUnit.SECONDS)).isNull();
    }
}
