package dev.hpsearch.app.gui.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.AppServices;
import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.ScriptedDialogs;
import dev.hpsearch.app.gui.cluster.LocalOnlyClusterService;
import dev.hpsearch.app.gui.model.LoaderModelValidator;
import dev.hpsearch.app.gui.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start page's "new project" actions take an empty (or new) folder only. */
class StartViewModelTest {
    @TempDir
    Path tmp;

    private final List<Project> opened = new ArrayList<>();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    private StartViewModel startPage() {
        AppServices services = new AppServices(new DirectTaskRunner(), dialogs, new RecentProjects(tmp.resolve("config")),
                new LocalOnlyClusterService(), null, new LoaderModelValidator(), null);
        return new StartViewModel(services, opened::add);
    }

    private Path folderWith(String... files) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("chosen"));
        for (String f : files) {
            Files.writeString(folder.resolve(f), "the user's own " + f + "\n");
        }
        return folder;
    }

    @Test
    void theDemoRefusesAFolderWithFilesInIt() throws Exception {
        Path folder = folderWith("notes.txt");
        StartViewModel vm = startPage();
        dialogs.answer(folder);
        vm.newFromDemo();
        assertThat(opened).isEmpty();
        assertThat(vm.errorProperty().get()).contains("notes.txt").contains("choose an empty folder");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
        assertThat(new RecentProjects(tmp.resolve("config")).load()).isEmpty();
    }

    @Test
    void aTemplateRefusesAFolderWithFilesInItAndNamesSomeOfThem() throws Exception {
        Path folder = folderWith("a.csv", "b.csv", "c.csv", "d.csv", "e.csv");
        StartViewModel vm = startPage();
        dialogs.answer(folder);
        vm.newFromTemplate();
        assertThat(opened).isEmpty();
        assertThat(vm.errorProperty().get()).contains("a.csv, b.csv, c.csv and 2 more").contains("choose an empty folder");
        assertThat(folder.resolve(Project.SEARCH)).doesNotExist();
    }

    @Test
    void theExampleInputRefusesItsOwnFolderWhenItHoldsFiles() throws Exception {
        Path folder = folderWith("input.json");
        Files.writeString(folder.resolve("input.json"), "{\"alpha\": 0.5}\n");
        StartViewModel vm = startPage();
        dialogs.answer(folder.resolve("input.json")).answer(folder);
        vm.newFromExampleInput();
        assertThat(opened).isEmpty();
        assertThat(vm.errorProperty().get()).contains("input.json").contains("choose an empty folder");
        assertThat(folder.resolve(Project.MODEL)).doesNotExist();
    }

    @Test
    void aFolderThatHoldsAProjectIsRefusedWithTheHintToOpenIt() throws Exception {
        StartViewModel vm = startPage();
        vm.newFromDemo(tmp.resolve("p"));
        assertThat(opened).hasSize(1);
        vm.newFromTemplate(tmp.resolve("p"), ProjectFactory.Template.BASH);
        assertThat(opened).hasSize(1);
        assertThat(vm.errorProperty().get()).contains("choose an empty folder or open it as a project");
    }

    @Test
    void anEmptyExistingFolderOrANewOneIsTaken() throws Exception {
        StartViewModel vm = startPage();
        vm.newFromTemplate(folderWith(), ProjectFactory.Template.PYTHON);
        vm.newFromDemo(tmp.resolve("new").resolve("demo"));
        assertThat(opened).hasSize(2);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(opened.get(1).modelConfig()).exists();
    }
}
