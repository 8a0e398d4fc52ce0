package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.ssh.transport.ShellQuote;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The submit-once command of {@link SbatchScripts#submitCommand}, run by the local bash against a fake sbatch that
 * counts its calls: however often the same command line is sent, one job.
 */
class SubmitOnceTest {

    @TempDir
    Path tmp;
    Path calls;
    Path fakeSbatch;
    Path dir;

    @BeforeEach
    void fake() throws Exception {
        calls = tmp.resolve("calls");
        fakeSbatch = tmp.resolve("fake sbatch");
        // prints the next id (4711, 4712, ...) after an optional delay; exits with $FAKE_RC when set
        Files.writeString(fakeSbatch, String.join("\n",
                "#!/bin/bash",
                "echo \"$*\" >> " + ShellQuote.quote(calls.toString()),
                "sleep \"${FAKE_DELAY:-0}\"",
                "if [ -n \"$FAKE_RC\" ]; then echo 'sbatch: error: invalid partition' >&2; exit \"$FAKE_RC\"; fi",
                "echo \"sbatch: warning: something harmless\" >&2",
                "echo \"$((4710 + $(wc -l < " + ShellQuote.quote(calls.toString()) + ")));cluster\"",
                ""));
        fakeSbatch.toFile().setExecutable(true);
        dir = Files.createDirectories(tmp.resolve("it's a $dir; `x` ü"));
    }

    private String single(String key, long waitSeconds) {
        return SbatchScripts.submitCommand(dir.toString(), key, waitSeconds, null, null,
                List.of(fakeSbatch.toString(), "--parsable", "--job-name=it's mine", dir + "/job.sh"));
    }

    private record Run(int status, String stdout, String stderr) {
    }

    private Process start(String command, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command);
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        return pb.start();
    }

    private static Run finish(Process p) throws Exception {
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("the submit command ends").isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Run run(String command, String... env) throws Exception {
        return finish(start(command, env));
    }

    private int sbatchCalls() throws Exception {
        return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
    }

    @Test
    void everyArgumentReachesSbatchLiterallyInALoginShellToo() throws Exception {
        String command = ShellQuote.withSetup(List.of("MARK=set"), single("k1", 5));
        assertThat(command).startsWith("bash -l -c ");
        Run r = run(command);
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdout()).isEqualTo("4711\n");
        assertThat(Files.readString(calls)).isEqualTo("--parsable --job-name=it's mine " + dir + "/job.sh\n");
    }

    @Test
    void sendingTheSameCommandAgainAdoptsTheFirstJob() throws Exception {
        Files.writeString(dir.resolve("output.json"), "{\"score\": 1}");
        Files.writeString(dir.resolve("progress.jsonl"), "{\"step\": 0, \"objective\": 1}\n");
        assertThat(run(single("k1", 5)).stdout()).isEqualTo("4711\n");
        assertThat(dir.resolve("output.json")).as("a stale result is removed before submitting").doesNotExist();
        assertThat(dir.resolve("progress.jsonl")).as("so is a stale learning curve").doesNotExist();
        assertThat(Files.readString(dir.resolve(SbatchScripts.JOB_MARKER))).isEqualTo("4711 k1\n");

        Files.writeString(dir.resolve("output.json"), "{\"score\": 2}");
        Files.writeString(dir.resolve("progress.jsonl"), "{\"step\": 0, \"objective\": 2}\n");
        Run again = run(single("k1", 5));
        assertThat(again.status()).isZero();
        assertThat(again.stdout()).isEqualTo("4711\n");
        assertThat(sbatchCalls()).isEqualTo(1);
        assertThat(dir.resolve("output.json")).as("the adopted job's result stays").exists();
        assertThat(dir.resolve("progress.jsonl")).as("and its curve").exists();
        assertThat(dir.resolve(SbatchScripts.SUBMIT_LOCK)).doesNotExist();
    }

    @Test
    void aMarkerOfAnotherRunIsNotBelieved() throws Exception {
        assertThat(run(single("k1", 5)).stdout()).isEqualTo("4711\n");
        assertThat(run(single("k2", 5)).stdout()).isEqualTo("4712\n");
        assertThat(sbatchCalls()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve(SbatchScripts.JOB_MARKER))).isEqualTo("4712 k2\n");
        assertThat(SbatchScripts.markedJob("4712 k2\n", "k2")).isEqualTo("4712");
        assertThat(SbatchScripts.markedJob("4712 k2\n", "k1")).isNull();
        assertThat(SbatchScripts.markedJob("", "k1")).isNull();
    }

    /** The case of a dropped connection: the first copy still runs sbatch when the second arrives. */
    @Test
    void aCopySentWhileTheFirstStillRunsWaitsForItsJob() throws Exception {
        Process first = start(single("k1", 10), "FAKE_DELAY", "2");
        awaitFile(dir.resolve(SbatchScripts.SUBMIT_LOCK));
        Run second = run(single("k1", 10));
        Run firstRun = finish(first);
        assertThat(firstRun.stdout()).isEqualTo("4711\n");
        assertThat(second.status()).as(second.stderr()).isZero();
        assertThat(second.stdout()).isEqualTo("4711\n");
        assertThat(sbatchCalls()).isEqualTo(1);
    }

    @Test
    void aHangUpDoesNotStopTheSubmission() throws Exception {
        Process p = start(single("k1", 5), "FAKE_DELAY", "1");
        awaitFile(dir.resolve(SbatchScripts.SUBMIT_LOCK));
        // what sshd may send when the connection goes; stdout is gone too, so printing the id must not matter
        new ProcessBuilder("kill", "-HUP", String.valueOf(p.pid())).start().waitFor();
        p.getInputStream().close();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve(SbatchScripts.JOB_MARKER))).isEqualTo("4711 k1\n");
        assertThat(dir.resolve(SbatchScripts.SUBMIT_LOCK)).doesNotExist();
    }

    @Test
    void aLockNobodyReleasesEndsWithAMessageAfterTheWait() throws Exception {
        Files.createDirectory(dir.resolve(SbatchScripts.SUBMIT_LOCK));
        Run r = run(single("k1", 1));
        assertThat(r.status()).isEqualTo(SbatchScripts.SUBMIT_BUSY);
        assertThat(r.stderr()).contains("has not finished").contains(SbatchScripts.SUBMIT_LOCK);
        assertThat(sbatchCalls()).isZero();
    }

    @Test
    void aRefusedSubmissionLeavesNoMarkerAndCanBeRetried() throws Exception {
        Run refused = run(single("k1", 5), "FAKE_RC", "3");
        assertThat(refused.status()).isEqualTo(3);
        assertThat(refused.stderr()).contains("invalid partition");
        assertThat(dir.resolve(SbatchScripts.JOB_MARKER)).doesNotExist();
        assertThat(dir.resolve(SbatchScripts.SUBMIT_LOCK)).doesNotExist();
        assertThat(run(single("k1", 5)).stdout()).isEqualTo("4712\n");
    }

    @Test
    void anArrayMarksEveryCombinationWithItsTaskOnce() throws Exception {
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        List<String> dirs = new ArrayList<>();
        for (String name : List.of("plain", "new\nline", "it's")) {
            Path d = Files.createDirectories(tmp.resolve(name));
            Files.writeString(d.resolve("output.json"), "{}");
            Files.writeString(d.resolve("progress.jsonl"), "{\"step\": 3, \"objective\": 1}\n");
            dirs.add(d.toString());
        }
        Files.write(batch.resolve("folders.list"), SbatchScripts.folderList(dirs));
        Files.writeString(batch.resolve("keys.list"), "ka\nkb\nkc\n");
        String command = SbatchScripts.submitCommand(batch.toString(), "kbatch", 5, batch + "/folders.list",
                batch + "/keys.list", List.of(fakeSbatch.toString(), "--parsable", "--array=0-2%2"));
        assertThat(run(command).stdout()).isEqualTo("4711\n");
        assertThat(run(command).stdout()).isEqualTo("4711\n");
        assertThat(sbatchCalls()).isEqualTo(1);
        List<String> keys = List.of("ka", "kb", "kc");
        for (int i = 0; i < dirs.size(); i++) {
            Path d = Path.of(dirs.get(i));
            assertThat(Files.readString(d.resolve(SbatchScripts.JOB_MARKER))).isEqualTo("4711_" + i + " " + keys.get(i) + "\n");
            assertThat(d.resolve("output.json")).doesNotExist();
            assertThat(d.resolve("progress.jsonl")).doesNotExist();
        }
    }

    @Test
    void theKeyFollowsInputAndScript() {
        byte[] in = "{\"x\": 1}".getBytes(StandardCharsets.UTF_8);
        String k = SbatchScripts.submissionKey(in, "script");
        assertThat(k).hasSize(32).matches("[0-9a-f]+");
        assertThat(SbatchScripts.submissionKey(in, "script")).isEqualTo(k);
        assertThat(SbatchScripts.submissionKey("{\"x\": 2}".getBytes(StandardCharsets.UTF_8), "script")).isNotEqualTo(k);
        assertThat(SbatchScripts.submissionKey(in, "other")).isNotEqualTo(k);
    }

    private static void awaitFile(Path p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(p)) {
            assertThat(System.nanoTime()).as("%s appears", p).isLessThan(end);
            Thread.sleep(20);
        }
    }
}
