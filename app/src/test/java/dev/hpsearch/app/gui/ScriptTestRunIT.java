package dev.hpsearch.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.service.LocalOnlyClusterService;
import dev.hpsearch.app.gui.job.JobConfigViewModel;
import dev.hpsearch.app.gui.job.LocalTestRunService;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.start.ProjectFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job form's test run starts the real demo script once, outside the project folder. */
class ScriptTestRunIT {
    @TempDir
    Path tmp;

    @Test
    void demoScriptRunsOnceOnTheExampleInput() throws Exception {
        Project p = new ProjectFactory().fromDemo(tmp.resolve("demo"));
        JobConfigViewModel vm = new JobConfigViewModel(p, new DirectTaskRunner(), new LocalTestRunService(),
                new LocalOnlyClusterService());
        vm.load();
        vm.testRun();
        assertThat(vm.testSummaryProperty().get()).startsWith("✔ Ran fine: output.json").contains("objective");
        assertThat(vm.testDetailsProperty().get()).contains("train_logreg.py").contains("output.json:");
        assertThat(p.folder().resolve("hp_search_0")).doesNotExist();
    }

    @Test
    void aFailingScriptReportsItsExitStatus() throws Exception {
        Project p = new ProjectFactory().fromDemo(tmp.resolve("demo2"));
        JobConfigViewModel vm = new JobConfigViewModel(p, new DirectTaskRunner(), new LocalTestRunService(),
                new LocalOnlyClusterService());
        vm.load();
        vm.field("environment_path").textProperty().set("bash");
        vm.field("script_path").textProperty().set("README.md");
        vm.testRun();
        assertThat(vm.testSummaryProperty().get()).startsWith("✘ The script exited with status");
    }

    @Test
    void aScriptWritingAHugeOutputWithoutAScoreUpFrontIsToldWhy() throws Exception {
        Project p = new ProjectFactory().fromDemo(tmp.resolve("demo3"));
        // 30 MB of predictions before the objective: beyond what output.json is read for
        Files.writeString(p.folder().resolve("huge.py"), String.join("\n",
                "import json, os, sys",
                "folder = json.load(open(sys.argv[1]))['save_folder']",
                "with open(os.path.join(folder, 'output.json'), 'w') as f:",
                "    f.write('{\"predictions\": [' + ', '.join(['0.5'] * 6_000_000) + '], \"objective\": 1.0}')",
                "print('x' * 200_000)"));
        JobConfigViewModel vm = new JobConfigViewModel(p, new DirectTaskRunner(), new LocalTestRunService(),
                new LocalOnlyClusterService());
        vm.load();
        vm.field("environment_path").textProperty().set("python3");
        vm.field("script_path").textProperty().set("huge.py");
        vm.testRun();

        assertThat(vm.testSummaryProperty().get()).startsWith("✘ output.json cannot be used: output.json is 28.6 MiB;"
                + " only its first 16 MiB were read, and they hold no \"objective\" entry");
        assertThat(vm.testDetailsProperty().get()).hasSizeLessThan(100_000);
    }
}
