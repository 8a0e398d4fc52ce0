package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HpSearchVersionTest {
    @Test
    void describesVersionCommitAndDateOnOneLine() {
        assertThat(new HpSearchVersion("0.2.0", "6d6767f986", "2026-11-30T12:28:42+00:00", false).describe())
                .isEqualTo("0.2.0 (commit 6d6767f986 of 2026-11-30)");
        assertThat(new HpSearchVersion("0.2.0", "6d6767f986", "2026-11-30T12:28:42+00:00", true).describe())
                .isEqualTo("0.2.0 (commit 6d6767f986 of 2026-11-30, with uncommitted changes)");
    }

    @Test
    void aBuildWithoutGitOrMavenSaysWhatItDoesNotKnow() {
        assertThat(new HpSearchVersion("${project.version}", "${hpsearch.commit}", "", false).describe())
                .isEqualTo("unknown (commit unknown)");
        assertThat(new HpSearchVersion("0.2.0", "", "", false).describe()).isEqualTo("0.2.0 (commit unknown)");
    }

    /** The build asked git for the commit: the one checked out now (Maven filters the resource at every build). */
    @Test
    void theBuildKnowsTheCommitItWasMadeFrom() throws Exception {
        String head = git("rev-parse", "--short=10", "HEAD");
        assumeTrue(!head.isEmpty(), "these sources are not a git checkout");
        HpSearchVersion built = HpSearchVersion.build();
        assertThat(built.version()).isNotEqualTo("unknown").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(built.commit()).isEqualTo(head);
        assertThat(built.commitTime()).isEqualTo(git("log", "-1", "--format=%cI"));
        assertThat(HpSearchVersion.current()).startsWith(built.version() + " (commit " + head + " of "
                + built.commitTime().substring(0, 10));
    }

    private static String git(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p;
        try {
            p = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noGit) {
            return "";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    }
}
