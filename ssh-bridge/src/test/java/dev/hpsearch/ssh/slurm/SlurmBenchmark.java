package dev.hpsearch.ssh.slurm;

import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.JobSpec;
import dev.hpsearch.optimizer.exec.JobStatus;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.PathMapping;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Slurm path figures (issue 4), against the test cluster of {@code .ci/testenv.sh}: remote commands to submit a
 * 200-combination grid, remote commands per poll with 200 jobs active, and the per-combination overhead
 * (submit to result collected, minus the script's own time). Run: {@code bench/slurm.sh}.
 */
public final class SlurmBenchmark {
    private SlurmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestEnv env = TestEnv.require();
        Path project = Files.createTempDirectory("hpsearch-slurm-bench");
        Path script = project.resolve("score.sh");
        Files.writeString(script, "s=$(date +%s%N); sleep ${SLEEP:-0}; e=$(date +%s%N); echo \"{\\\"objective\\\": 1, \\\"own_ms\\\": $(( (e - s) / 1000000 ))}\" > output.json\n");
        JobConfig job = JobConfig.of("sh", script.toString(), "testcluster", 0.1, 1, "CPU", 1);
        ClusterProfile profile = new ClusterProfile("testcluster", env.host, env.port, env.user, env.key, env.knownHosts,
                env.partition, env.partition, List.of(), null);
        String remoteRoot = env.remoteRoot + "/bench-" + System.nanoTime();
        try (SshSession ssh = env.open()) {
            SlurmExecutor slurm = new SlurmExecutor(ssh, profile, new PathMapping(project, remoteRoot), SlurmSettings.defaults());

            List<JobSpec> grid = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                grid.add(spec(project, "grid", i, job));
            }
            long before = ssh.commandCount();
            long sftpBefore = ssh.sftpCount();
            long t0 = System.nanoTime();
            List<JobRef> refs = slurm.submitAll(grid, 100);
            long arrays = refs.stream().map(r -> r.id().split("_")[0]).distinct().count();
            System.out.printf(Locale.ROOT, "200-combination grid as %d job arrays (MaxArraySize=%d): %d remote commands,"
                    + " %.1f s (target <= 5 commands); %.1f SFTP steps per combination (folder, marker check, input.json,"
                    + " job.sh)%n", arrays, slurm.siteLimits().maxArraySize(), ssh.commandCount() - before,
                    (System.nanoTime() - t0) / 1e9, (ssh.sftpCount() - sftpBefore) / 200.0);
            slurm.drainNotes().forEach(n -> System.out.println("  " + n));
            int polls = 0;
            long maxPerPoll = 0;
            int maxActive = 0;
            while (true) {
                long c = ssh.commandCount();
                Map<JobRef, JobStatus> st = slurm.poll(refs);
                long used = ssh.commandCount() - c;
                int active = (int) st.values().stream().filter(s -> !s.isTerminal()).count();
                if (active >= 100) {
                    maxPerPoll = Math.max(maxPerPoll, used);
                    maxActive = Math.max(maxActive, active);
                }
                polls++;
                if (active == 0) {
                    break;
                }
                slurm.awaitChange(Duration.ofSeconds(2));
            }
            System.out.printf(Locale.ROOT, "polls while >= 100 jobs were active (up to %d): at most %d remote commands per poll (target <= 2); %d polls in all%n",
                    maxActive, maxPerPoll, polls);

            double[] overhead = new double[20];
            for (int i = 0; i < overhead.length; i++) {
                JobSpec s = spec(project, "single", i, job);
                long start = System.nanoTime();
                JobRef ref = slurm.submit(s);
                JobStatus status;
                while (!(status = slurm.poll(List.of(ref)).get(ref)).isTerminal()) {
                    slurm.awaitChange(Duration.ofSeconds(10));
                }
                double total = (System.nanoTime() - start) / 1e6;
                String out = Files.readString(s.workDir().resolve("output.json"));
                double own = Double.parseDouble(out.replaceAll("(?s).*\"own_ms\": *([0-9]+).*", "$1"));
                overhead[i] = (total - own) / 1000;
                if (status.state() != JobStatus.State.COMPLETED) {
                    throw new IllegalStateException("job ended " + status);
                }
            }
            Arrays.sort(overhead);
            System.out.printf(Locale.ROOT, "per-combination overhead (submit -> result collected, minus the script's own time), 20 jobs: "
                    + "median %.2f s, min %.2f s, max %.2f s (target median < 2 s)%n", overhead[10], overhead[0], overhead[19]);

            // The same script by hand, in the same run: input.json sent, one `sbatch --wait` over SSH, output.json read.
            String bare = remoteRoot + "/bare";
            ssh.mkdirs(bare);
            ssh.upload(script, bare + "/score.sh");
            double[] bareOverhead = new double[20];
            for (int i = 0; i < bareOverhead.length; i++) {
                String dir = bare + "/c" + i;
                long start = System.nanoTime();
                ssh.mkdirs(dir);
                ssh.upload(("{\"x\": " + i + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8), dir + "/input.json");
                ssh.exec("cd " + ShellQuote.quote(dir) + " && sbatch --wait -Q -p " + ShellQuote.quote(env.partition)
                        + " -t 6 --mem=1G -o log.txt --wrap 'sh ../score.sh input.json'", Duration.ofMinutes(5)).requireSuccess();
                String out = new String(ssh.read(dir + "/output.json"), java.nio.charset.StandardCharsets.UTF_8);
                double total = (System.nanoTime() - start) / 1e6;
                double own = Double.parseDouble(out.replaceAll("(?s).*\"own_ms\": *([0-9]+).*", "$1"));
                bareOverhead[i] = (total - own) / 1000;
            }
            Arrays.sort(bareOverhead);
            System.out.printf(Locale.ROOT, "the same 20 jobs by a bare loop (upload input, `sbatch --wait` over SSH, read output.json): "
                    + "median %.2f s, min %.2f s, max %.2f s%n", bareOverhead[10], bareOverhead[0], bareOverhead[19]);
            System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    private static JobSpec spec(Path project, String search, int id, JobConfig job) throws Exception {
        Path dir = project.resolve(search).resolve("hp_combination_" + id);
        Files.createDirectories(dir);
        Path input = dir.resolve("input.json");
        Files.writeString(input, "{\"x\": " + id + "}");
        return new JobSpec(id, dir, input, dir.resolve("log.txt"), List.of("sh", job.scriptPath(), input.toString()), job);
    }
}
