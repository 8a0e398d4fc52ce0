package dev.hpsearch.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.app.gui.project.ProjectView;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The model form's "exists when" editors, in the real window (issue 13 part 2). */
class ModelConditionGuiTest extends DesktopScenario {

    @Test
    @SuppressWarnings("unchecked")
    void theModelFormSetsAConditionAndSavesIt(FxRobot robot) throws Exception {
        String l2 = openDemoModelForm(robot, "optimizer.l2", "_conditionParent");
        ComboBox<String> parent = robot.lookup(l2 + "_conditionParent").queryAs(ComboBox.class);
        ProjectView project = window.projectView();
        Path file = tmp.resolve("demo-project").resolve(Project.MODEL);
        TextField values = robot.lookup(l2 + "_conditionValues").queryAs(TextField.class);
        assertThat(values.isDisabled()).as("no parent: nothing to list").isTrue();
        assertThat(parent.getItems()).contains("feature_scaling", "epochs").doesNotContain("optimizer.learning_rate");

        robot.interact(() -> parent.setValue("feature_scaling"));
        robot.interact(() -> values.setText("standard"));
        assertThat(values.getPromptText()).contains("standard, minmax");
        waitUntil(() -> !robot.lookup("#saveModelButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#saveModelButton");
        waitUntil(() -> project.modelViewModel().statusProperty().get().startsWith("Saved"));

        JsonNode saved = JsonFiles.read(file, "m").at("/optimizer/l2/condition");
        assertThat(saved).isEqualTo(JsonFiles.STRICT.readTree("{\"feature_scaling\": [\"standard\"]}"));
        assertThat(robot.lookup(".form-header .text").queryAllAs(javafx.scene.text.Text.class))
                .extracting(javafx.scene.text.Text::getText).contains("exists when").noneMatch(t -> t.contains("…"));
        shotInBothThemes(robot, "model-config-condition");
    }
}
