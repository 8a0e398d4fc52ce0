package dev.hpsearch.ssh.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalShellTest {
    @TempDir
    Path home;

    private LocalShell shell() {
        return new LocalShell(home);
    }

    @Test
    void execKeepsStdoutStderrAndExitStatusApart() throws Exception {
        CommandResult r = shell().exec("echo out; echo err >&2; exit 3", Duration.ofSeconds(10));

        assertThat(r.exitStatus()).isEqualTo(3);
        assertThat(r.ok()).isFalse();
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(r.describe()).contains("exit status 3", "err");
    }

    @Test
    void quotedHostileArgumentsArriveUnchanged() throws Exception {
        for (String name : HostileNames.ALL) {
            CommandResult r = shell().exec(List.of("printf", "%s", name), Duration.ofSeconds(10));
            assertThat(r.stdout()).isEqualTo(name);
        }
    }

    @Test
    void commandsStartInTheHomeFolder() throws Exception {
        assertThat(shell().exec("pwd -P", Duration.ofSeconds(10)).stdout().strip())
                .isEqualTo(home.toRealPath().toString());
    }

    @Test
    void aCommandPastItsTimeoutIsKilledAndReported() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> shell().exec("sleep 30", Duration.ofMillis(300)))
                .isInstanceOf(RemoteTimeoutException.class).hasMessageContaining("sleep 30");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void uploadOfAFileOntoItselfLeavesItAsItIs() throws Exception {
        Path f = home.resolve("dir with space/input.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{\"x\": 1}");
        LocalShell s = shell();

        s.upload(f, f.toString());
        s.download(f.toString(), f);
        s.upload(f, "dir with space/input.json"); // relative: from home, the same file

        assertThat(Files.readString(f)).isEqualTo("{\"x\": 1}");
        try (var entries = Files.list(f.getParent())) {
            assertThat(entries).containsExactly(f);
        }
    }

    @Test
    void transfersBetweenDifferentPathsCopyAndCreateFolders() throws Exception {
        Path src = home.resolve("a.txt");
        Files.writeString(src, "content");
        LocalShell s = shell();

        s.upload(src, "it's $HOME/b.txt");
        s.upload("bytes".getBytes(StandardCharsets.UTF_8), home.resolve("new/c.txt").toString());
        s.download("it's $HOME/b.txt", home.resolve("back/d.txt"));

        assertThat(home.resolve("it's $HOME/b.txt")).hasContent("content");
        assertThat(home.resolve("new/c.txt")).hasContent("bytes");
        assertThat(home.resolve("back/d.txt")).hasContent("content");
        assertThat(new String(s.read("new/c.txt"), StandardCharsets.UTF_8)).isEqualTo("bytes");
    }

    @Test
    void listExistsRemoveAndAbsolutePathWorkOnLocalFiles() throws Exception {
        LocalShell s = shell();
        s.mkdirs("p/q/r");
        s.mkdirs("p/q/r"); // existing is fine
        s.upload(new byte[3], "p/f.bin");

        assertThat(s.list("p")).extracting(RemoteFile::name).containsExactlyInAnyOrder("q", "f.bin");
        assertThat(s.list("p")).filteredOn(RemoteFile::directory).extracting(RemoteFile::name).containsExactly("q");
        assertThat(s.list("p")).filteredOn(f -> f.name().equals("f.bin")).extracting(RemoteFile::size).containsExactly(3L);
        assertThat(s.exists("p/f.bin")).isTrue();
        assertThat(s.absolutePath("p/./q/..")).isEqualTo(home.resolve("p").toString());
        s.remove("p/f.bin");
        s.remove("p/f.bin"); // absent is fine
        assertThat(s.exists("p/f.bin")).isFalse();
        assertThatThrownBy(() -> s.list("missing")).isInstanceOf(SshBridgeException.class).hasMessageContaining("missing");
    }
}
