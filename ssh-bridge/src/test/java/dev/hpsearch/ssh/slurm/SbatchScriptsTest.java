package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfiles;
import dev.hpsearch.ssh.transport.ShellQuote;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbatchScriptsTest {

    static final ClusterProfile CMS = ClusterProfiles.CMS;

    @Test
    void gpuJobAsksForGpusOnTheProfilesGpuPartition() {
        JobConfig job = JobConfig.of("python", "train.py", "CMS", 2, 32, "GPU", 1);
        assertThat(SbatchScripts.resourceArgs(job, CMS, Duration.ofHours(2), "hp_combination_3")).containsExactly(
                "--job-name=hp_combination_3", "--partition=up-gpu", "--gres=gpu:1", "--mem=32G", "-t", "120", "--no-requeue");
    }

    @Test
    void cpuJobAsksForCoresAndOptionalKeys() {
        JobConfig job = new JobConfig("Rscript", "a.R", "GSKTECH", 0.5, 4, "CPU", 8, null, "lab-acct", "high",
                "skylake", List.of("--exclusive", "--comment=it's mine"));
        assertThat(SbatchScripts.resourceArgs(job, ClusterProfiles.GSKTECH, Duration.ofMinutes(30), "n")).containsExactly(
                "--job-name=n", "--partition=us_hpc", "-c", "8", "--mem=4G", "-t", "30", "--no-requeue", "--account=lab-acct",
                "--qos=high", "--constraint=skylake", "--exclusive", "--comment=it's mine");
    }

    @Test
    void jobConfigPartitionWinsAndMissingPartitionIsOmitted() {
        JobConfig own = new JobConfig("bash", "s", "CMS", 1, 1, "GPU", 2, "my-part", null, null, null, List.of());
        assertThat(SbatchScripts.resourceArgs(own, CMS, Duration.ofHours(1), "n")).contains("--partition=my-part", "--gres=gpu:2");
        JobConfig cpu = JobConfig.of("bash", "s", "CMS", 1, 1, "CPU", 1);
        assertThat(SbatchScripts.resourceArgs(cpu, CMS, Duration.ofHours(1), "n")).noneMatch(a -> a.startsWith("--partition"));
    }

    @Test
    void gpuTypeAndCpusPerTaskMapOntoGresAndCores() {
        JobConfig gpu = new JobConfig("python", "t.py", "CMS", 1, 8, "GPU", 2, null, null, null, null, List.of(),
                List.of(), "a100", 6, null, List.of());
        assertThat(SbatchScripts.resourceArgs(gpu, CMS, Duration.ofHours(1), "n")).containsExactly(
                "--job-name=n", "--partition=up-gpu", "--gres=gpu:a100:2", "-c", "6", "--mem=8G", "-t", "60",
                "--no-requeue");
        // a CPU job: cpus_per_task replaces the seed's num_processors as -c
        JobConfig cpu = new JobConfig("python", "t.py", "CMS", 1, 8, "CPU", 2, null, null, null, null, List.of(),
                List.of(), null, 12, null, List.of());
        assertThat(SbatchScripts.resourceArgs(cpu, CMS, Duration.ofHours(1), "n")).containsSequence("-c", "12")
                .noneMatch(a -> a.startsWith("--gres"));
    }

    @Test
    void modulesAndContainerAppearInJobSh() {
        String script = SbatchScripts.jobScript(4, "/r/hp_combination_4", List.of("source /etc/profile"),
                List.of("gcc/12", "python/3.11"), "/images/a b.sif", true,
                List.of("python3", "/r/t.py", "/r/hp_combination_4/input.json"));
        assertThat(script).contains("source /etc/profile\nmodule load 'gcc/12' || ")
                .contains("\nmodule load 'python/3.11' || { echo \"hpsearch: module load \"'python/3.11'\" failed (job_config modules)\" >&2; exit 1; }\n")
                .contains("hpsearch_container=$(command -v apptainer || command -v singularity)")
                .contains("HPSEARCH_RUN=\"$hpsearch_mark\" \"$hpsearch_container\" 'exec' '--nv' '/images/a b.sif' 'python3' '/r/t.py'"
                        + " '/r/hp_combination_4/input.json' &\n");
        assertThat(script.indexOf("module load 'gcc/12'")).isLessThan(script.indexOf("cd '/r/hp_combination_4'"));
        String cpu = SbatchScripts.jobScript(4, "/r", List.of(), List.of(), "docker://python:3.11", false,
                List.of("python3", "t.py", "input.json"));
        assertThat(cpu).contains("\"$hpsearch_container\" 'exec' 'docker://python:3.11' 'python3' 't.py' 'input.json' &")
                .doesNotContain("--nv").doesNotContain("module load");
        // without the new keys, job.sh is the seed's run as before
        assertThat(SbatchScripts.jobScript(4, "/r", List.of(), List.of("python3", "t.py", "input.json")))
                .doesNotContain("hpsearch_container").doesNotContain("module load")
                .contains("HPSEARCH_RUN=\"$hpsearch_mark\" 'python3' 't.py' 'input.json' &");
    }

    @Test
    void timeLimitRoundsUpToWholeMinutes() {
        assertThat(SbatchScripts.minutes(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(SbatchScripts.minutes(Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(SbatchScripts.minutes(Duration.ofHours(2))).isEqualTo(120);
    }

    @Test
    void percentInOutputFileNamesIsEscaped() {
        assertThat(SbatchScripts.slurmFileName("/a/100%/log.txt")).isEqualTo("/a/100%%/log.txt");
        assertThat(SbatchScripts.slurmFileName("/a\\b/%j")).isEqualTo("/a\\b/%j");
    }

    @Test
    void setupLinesRunInALoginShell() {
        assertThat(ShellQuote.withSetup(List.of(), "squeue")).isEqualTo("squeue");
        assertThat(ShellQuote.withSetup(List.of("module load slurm"), "squeue -h"))
                .isEqualTo("bash -l -c 'module load slurm\nsqueue -h'");
    }

    /** The array script, run by the local bash, finds the right folder even when names hold newlines and quotes. */
    @Test
    void arrayTaskPicksItsFolderFromTheList(@TempDir Path tmp) throws Exception {
        List<String> dirs = new ArrayList<>();
        for (String name : List.of("plain", "new\nline", "it's $x; `y`", "ü 日本")) {
            Path d = Files.createDirectories(tmp.resolve(name));
            String script = SbatchScripts.jobScript(1, d.toString(), List.of("MARK=set"),
                    List.of("printf", "%s|%s", name, "$MARK"));
            Files.writeString(d.resolve("job.sh"), script);
            dirs.add(d.toString());
        }
        Path list = tmp.resolve("folders.list");
        Files.write(list, SbatchScripts.folderList(dirs));
        Path array = tmp.resolve("array.sh");
        Files.writeString(array, SbatchScripts.arrayScript(list.toString()));
        for (int i = 0; i < dirs.size(); i++) {
            ProcessBuilder pb = new ProcessBuilder("bash", array.toString());
            pb.environment().put("SLURM_ARRAY_TASK_ID", String.valueOf(i));
            Process p = pb.start();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // arguments reach the command literally: "$MARK" stays unexpanded because it is quoted
            assertThat(out).isEqualTo(Path.of(dirs.get(i)).getFileName() + "|$MARK");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", array.toString());
        pb.environment().put("SLURM_ARRAY_TASK_ID", "9");
        Process p = pb.start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
    }
}
