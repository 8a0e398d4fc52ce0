package dev.hpsearch.app.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.ScriptedDialogs;
import dev.hpsearch.app.gui.job.JobConfigViewModel;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.run.DashboardViewModel;
import dev.hpsearch.app.gui.run.SearchLauncher;
import dev.hpsearch.app.gui.start.ProjectFactory;
import dev.hpsearch.app.service.ClusterService;
import dev.hpsearch.app.service.ConnectionPrompts;
import dev.hpsearch.app.service.ProfileDraft;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.RunningSearch;
import dev.hpsearch.app.service.SearchEvents;
import dev.hpsearch.app.service.SshClusterService;
import dev.hpsearch.app.service.UserFacingException;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfiles;
import dev.hpsearch.ssh.transport.HostKeyDecision;
import dev.hpsearch.ssh.transport.SshPrompts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster connections without a toolkit and without a network: work runs synchronously, SSH's questions get fake
 * answers from {@link #FAKE_PROMPTS} (no dialog can be shown here), and the connecting service is a fake where a
 * test is about what the view-model does with its answers. The real dialogs and a real cluster are in ClusterGuiIT.
 */
class ClusterViewModelTest {
    /** Fake answers: these tests never connect, so nothing asks. */
    private static final ConnectionPrompts FAKE_PROMPTS = key -> ConnectionPrompts.HostKeyAnswer.REJECT;

    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @TempDir
    Path tmp;

    @Test
    void profileFormRefusesBadFieldsAndSavesAFileTheCommandLineReads() throws Exception {
        Path file = tmp.resolve("config/clusters.json");
        SshClusterService service = new SshClusterService(file);
        ClusterProfilesViewModel vm = new ClusterProfilesViewModel(service, tasks, dialogs, FAKE_PROMPTS, "my project");
        vm.load(null);
        assertThat(vm.entries()).extracting(e -> e.profile().name()).containsExactly("CMS", "GSKTECH");
        assertThat(vm.entries()).noneMatch(ClusterService.ProfileEntry::user);

        vm.newProfile();
        assertThat(vm.validProperty().get()).isFalse();
        vm.nameProperty().set("my lab");
        assertThat(vm.nameErrorProperty().get()).contains("letters, digits");
        vm.nameProperty().set("local");
        assertThat(vm.nameErrorProperty().get()).contains("this machine");
        vm.nameProperty().set("mylab");
        vm.hostProperty().set("login.example.org");
        vm.portProperty().set("70000");
        assertThat(vm.portErrorProperty().get()).contains("1..65535");
        assertThat(vm.validProperty().get()).isFalse();
        vm.portProperty().set("2200");
        vm.identityFileProperty().set("~/.ssh/id_lab");
        vm.setupProperty().set("module load slurm\n\n  export X=1  ");
        vm.remoteRootProperty().set("/scratch/me");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.remoteProjectProperty().get()).isEqualTo("/scratch/me/my project");
        vm.save();

        assertThat(vm.statusProperty().get()).startsWith("Saved mylab");
        ClusterProfile saved = ClusterProfiles.load(file).require("mylab");
        assertThat(saved.port()).isEqualTo(2200);
        assertThat(saved.setupLines()).containsExactly("module load slurm", "export X=1");
        assertThat(saved.identityFile()).isEqualTo(Path.of(System.getProperty("user.home"), ".ssh/id_lab"));
        assertThat(Files.readString(file)).contains("\"~/.ssh/id_lab\"");
        assertThat(vm.entries()).filteredOn(ClusterService.ProfileEntry::user)
                .extracting(e -> e.profile().name()).containsExactly("mylab");
    }

    @Test
    void savingAPresetWritesTheUsersOwnCopyThatReplacesIt() throws Exception {
        Path file = tmp.resolve("clusters.json");
        SshClusterService service = new SshClusterService(file);
        ClusterProfilesViewModel vm = new ClusterProfilesViewModel(service, tasks, dialogs, FAKE_PROMPTS, "p");
        vm.load("CMS");
        assertThat(vm.hostProperty().get()).isEqualTo("ushpc.gsk.com");
        assertThat(vm.originProperty().get()).startsWith("A preset");
        vm.userProperty().set("me");
        vm.save();
        assertThat(ClusterProfiles.load(file).require("cms").user()).isEqualTo("me");
        assertThat(service.list()).hasSize(2).filteredOn(ClusterService.ProfileEntry::user).hasSize(1);
        assertThat(vm.originProperty().get()).startsWith("Your profile");
    }

    @Test
    void aBrokenProfilesFileIsNotOverwrittenAndTheMessageNamesIt() throws Exception {
        Path file = tmp.resolve("clusters.json");
        Files.writeString(file, "{\"clusters\": [{\"name\": \"a\", \"host\": \"h\", \"colour\": \"red\"}]}");
        ClusterProfilesViewModel vm = new ClusterProfilesViewModel(new SshClusterService(file), tasks, dialogs,
                FAKE_PROMPTS, "p");
        vm.load(null);
        assertThat(vm.statusProperty().get()).contains("clusters.json").contains("colour");
        vm.newProfile();
        vm.nameProperty().set("b");
        vm.hostProperty().set("h2");
        vm.save();
        assertThat(vm.statusProperty().get()).startsWith("Not saved").contains(file.toString()).contains("colour");
        assertThat(Files.readString(file)).doesNotContain("h2");
    }

    @Test
    void aChangedHostKeyIsReportedAsRefusedWithAWarningAndNeverOffered() {
        List<ConnectionPrompts> asked = new ArrayList<>();
        FakeService service = new FakeService() {
            @Override
            public ConnectionCheck test(ProfileDraft profile, ConnectionPrompts prompts) {
                asked.add(prompts);
                return new ConnectionCheck(false, "REMOTE HOST KEY CHANGED for h:22", "details", true);
            }
        };
        ClusterProfilesViewModel vm = new ClusterProfilesViewModel(service, tasks, dialogs, FAKE_PROMPTS, "p");
        vm.nameProperty().set("c");
        vm.hostProperty().set("h");
        vm.testConnection();
        assertThat(asked).containsExactly(FAKE_PROMPTS);
        assertThat(vm.connectionProperty().get()).startsWith("✘ REMOTE HOST KEY CHANGED");
        assertThat(dialogs.messages).containsExactly(ClusterProfilesViewModel.HOST_KEY_CHANGED
                + ": REMOTE HOST KEY CHANGED for h:22");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void jobFormTestsTheChosenProfileAndMarksAnUnknownOne() throws Exception {
        Project p = new ProjectFactory().fromDemo(tmp.resolve("demo"));
        List<String> tested = new ArrayList<>();
        FakeService service = new FakeService() {
            @Override
            public ConnectionCheck test(ProfileDraft profile, ConnectionPrompts prompts) {
                tested.add(profile.name());
                return new ConnectionCheck(true, "Connected to me@lab: slurm 23.02", "", false);
            }
        };
        JobConfigViewModel vm = new JobConfigViewModel(p, tasks, (proj, job) -> null, service, FAKE_PROMPTS, dialogs);
        vm.load();
        vm.field("cluster").textProperty().set("nowhere");
        assertThat(vm.field("cluster").errorProperty().get()).contains("No cluster profile named \"nowhere\"");
        vm.field("cluster").textProperty().set("lab");
        assertThat(vm.field("cluster").errorProperty().get()).isEmpty();
        vm.testConnection();
        assertThat(tested).containsExactly("lab");
        assertThat(vm.connectionStatusProperty().get()).isEqualTo("✔ Connected to me@lab: slurm 23.02");
    }

    @Test
    void remoteFolderChooserStartsAtTheRemoteRootAndWalksUpAndDown() {
        Map<String, List<String>> tree = Map.of("/scratch/me", List.of("a", "b"), "/scratch/me/a", List.of(),
                "/scratch", List.of("me"));
        List<String> events = new ArrayList<>();
        FakeService service = new FakeService() {
            @Override
            public RemoteFolders browse(ProfileDraft profile, ConnectionPrompts prompts) {
                events.add("connect " + profile.remoteRoot());
                return new RemoteFolders() {
                    @Override
                    public String start() {
                        return "/scratch/me";
                    }

                    @Override
                    public List<String> folders(String path) throws UserFacingException {
                        if (!tree.containsKey(path)) {
                            throw new UserFacingException(UserFacingException.Kind.FAILURE, "no such folder: " + path);
                        }
                        return tree.get(path);
                    }

                    @Override
                    public void close() {
                        events.add("close");
                    }
                };
            }
        };
        ProfileDraft profile = new ProfileDraft("lab", "h", "", "", "", "", "", "", List.of(), "/scratch/me");
        RemoteFolderViewModel vm = new RemoteFolderViewModel(service, tasks, profile, FAKE_PROMPTS);
        vm.open();
        assertThat(vm.pathProperty().get()).isEqualTo("/scratch/me");
        assertThat(vm.folders()).containsExactly("a", "b");
        vm.enter("a");
        assertThat(vm.pathProperty().get()).isEqualTo("/scratch/me/a");
        assertThat(vm.statusProperty().get()).isEqualTo("No folders here");
        vm.up();
        vm.up();
        assertThat(vm.pathProperty().get()).isEqualTo("/scratch");
        vm.enter("gone");
        assertThat(vm.statusProperty().get()).startsWith("✘ no such folder");
        assertThat(vm.pathProperty().get()).isEqualTo("/scratch");
        vm.close();
        assertThat(events).containsExactly("connect /scratch/me", "close");

        ClusterProfilesViewModel form = new ClusterProfilesViewModel(service, tasks, dialogs, FAKE_PROMPTS, "proj");
        form.chooseRemoteRoot(Optional.of("/scratch"));
        assertThat(form.remoteRootProperty().get()).isEqualTo("/scratch");
        assertThat(form.statusProperty().get()).contains("/scratch/proj");
    }

    @Test
    void runTabLaunchesOnTheChosenClusterAndDetachedNeedsOne() throws Exception {
        Project p = new ProjectFactory().fromDemo(tmp.resolve("demo"));
        List<String> calls = new ArrayList<>();
        SearchLauncher launcher = new SearchLauncher() {
            @Override
            public RunningSearch start(Project project, Optional<RunTarget> target, SearchEvents events)
                    throws UserFacingException {
                calls.add("start " + target.map(RunTarget::name).orElse(null));
                throw new UserFacingException(UserFacingException.Kind.CONNECTION, "Host key of h:22 was rejected");
            }

            @Override
            public RunningSearch resume(Path searchDir, SearchEvents events) {
                throw new UnsupportedOperationException();
            }

            @Override
            public RunningSearch attach(Path searchDir, SearchEvents events) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String launchDetached(Project project, Optional<RunTarget> target) {
                calls.add("detached " + target.orElseThrow().name());
                return "Submitted coordinator job 17 on " + target.orElseThrow().name();
            }
        };
        DashboardViewModel vm = new DashboardViewModel(p, tasks, launcher);
        vm.launchDetached();
        assertThat(vm.messageProperty().get()).contains("choose a cluster profile");
        vm.targetProperty().set(RunTarget.parse("lab"));
        vm.launch();
        assertThat(vm.messageProperty().get()).isEqualTo("Could not start: Host key of h:22 was rejected");
        assertThat(vm.activeProperty().get()).isFalse();
        vm.launchDetached();
        assertThat(vm.messageProperty().get()).isEqualTo("Submitted coordinator job 17 on lab");
        assertThat(vm.submittingProperty().get()).isFalse();
        assertThat(calls).containsExactly("start lab", "detached lab");
    }

    /** A service with one profile, {@code lab}, that never connects. */
    private static class FakeService implements ClusterService {
        @Override
        public List<String> profiles() {
            return List.of("local", "lab");
        }

        @Override
        public boolean remoteAvailable() {
            return true;
        }

        @Override
        public List<ProfileEntry> list() {
            return List.of(new ProfileEntry(new ProfileDraft("lab", "h", "", "me", "", "", "", "", List.of(), ""), true));
        }

        @Override
        public Path profilesFile() {
            return Path.of("clusters.json");
        }

        @Override
        public void save(ProfileDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConnectionCheck test(ProfileDraft profile, ConnectionPrompts prompts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RemoteFolders browse(ProfileDraft profile, ConnectionPrompts prompts) {
            throw new UnsupportedOperationException();
        }
    }
}
