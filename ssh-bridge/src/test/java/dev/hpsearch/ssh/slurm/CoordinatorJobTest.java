package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpsearch.ssh.profile.ClusterProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoordinatorJobTest {
    private static final ClusterProfile PROFILE = new ClusterProfile("c", "login", 0, null, null, null, "cpu", "gpu",
            List.of("module load slurm"), "/scratch/me");

    private static CoordinatorJob job(String java, int memoryGb, Duration time) {
        return new CoordinatorJob(java, "/scratch/me/.hpsearch/hpsearch-ab.jar", List.of("run", "--on-cluster"), memoryGb,
                time, PROFILE, "/scratch/me/it's a project", "/scratch/me/it's a project/hp_search_0.coordinator.log");
    }

    @Test
    void sbatchAsksOneCpuSearchMemoryAndSearchTimeInWholeMinutes() {
        List<String> a = job(null, 32, Duration.ofMinutes(90).plusSeconds(1)).sbatchArgs("/x/coordinator.sh");

        assertThat(a).startsWith("sbatch", "--parsable").contains("--partition=cpu", "--mem=32G")
                .containsSubsequence("-c", "1").containsSubsequence("-t", "91")
                .containsSubsequence("-o", "/scratch/me/it's a project/hp_search_0.coordinator.log")
                .contains("--chdir=/scratch/me/it's a project").endsWith("/x/coordinator.sh");
    }

    @Test
    void javaDefaultsToThePathsJavaAndGetsAHeapWithinTheJobsMemory() {
        assertThat(job(" ", 4, Duration.ofHours(1)).javaCommand())
                .containsExactly("java", "-Xmx3072m", "-jar", "/scratch/me/.hpsearch/hpsearch-ab.jar", "run", "--on-cluster");
        assertThat(job("/opt/jdk 17/bin/java", 1, Duration.ofHours(1)).javaCommand()).startsWith("/opt/jdk", "17/bin/java");
        assertThat(job("/opt/jdk/bin/java -Dfile.encoding=UTF-8", 1, Duration.ofHours(1)).javaCommand())
                .startsWith("/opt/jdk/bin/java", "-Dfile.encoding=UTF-8", "-Xmx768m");
    }

    @Test
    void scriptRunsSetupThenHpsearchFromTheQuotedProjectFolder() {
        String s = job("java", 2, Duration.ofHours(1)).script();

        assertThat(s).startsWith("#!/bin/bash\n").contains("module load slurm\n")
                .contains("cd '/scratch/me/it'\\''s a project' || exit 1\n")
                .contains("exec 'java' '-Xmx1536m' '-jar' '/scratch/me/.hpsearch/hpsearch-ab.jar' 'run' '--on-cluster'\n");
        assertThat(s.indexOf("module load slurm")).isLessThan(s.indexOf("exec "));
    }

    @Test
    void submitCommandRunsSbatchAfterTheSetupLines() {
        assertThat(job("java", 1, Duration.ofHours(1)).submitCommand("/x/c.sh"))
                .startsWith("bash -l -c ").contains("module load slurm").contains("sbatch");
    }

    @Test
    void mailGoesWhereTheConfigSaysWhenTheJobEndsOrFails() {
        assertThat(job("java", 1, Duration.ofHours(1)).sbatchArgs("/x/c.sh")).noneMatch(a -> a.startsWith("--mail"));
        CoordinatorJob mailing = new CoordinatorJob("java", "/j.jar", List.of("run"), 1, Duration.ofHours(1), PROFILE,
                "/p", "/p/c.log", "me@example.org");
        assertThat(mailing.sbatchArgs("/x/c.sh")).contains("--mail-user=me@example.org", "--mail-type=END,FAIL");
    }

    @Test
    void aResumedCoordinatorAppendsToTheLogOfTheOneBefore() {
        assertThat(job("java", 1, Duration.ofHours(1)).sbatchArgs("/x/c.sh")).contains("--open-mode=append");
    }

    @Test
    void submitOnceKeysTheMarkerByScriptAndLaunch() {
        CoordinatorJob j = job("java", 1, Duration.ofHours(1));
        String once = j.submitOnceCommand("/x/c.sh", "/x/.hpsearch/hp_search_0", "launch-1");

        // a retry of one launch sends the very same command, so the script finds its marker and submits nothing
        assertThat(j.submitOnceCommand("/x/c.sh", "/x/.hpsearch/hp_search_0", "launch-1")).isEqualTo(once);
        // the next launch (a resume) has a key of its own, so the earlier marker is not believed
        assertThat(j.submitOnceCommand("/x/c.sh", "/x/.hpsearch/hp_search_0", "launch-2")).isNotEqualTo(once);
        assertThat(once).startsWith("bash -l -c ").contains("module load slurm").contains("sbatch")
                .contains(".hpsearch_job").contains("hp_search_0");
    }

    @Test
    void jobIdIsTheLastLineOfSbatchParsable() {
        assertThat(CoordinatorJob.parseJobId("123\n")).isEqualTo("123");
        assertThat(CoordinatorJob.parseJobId("module says hi\n456;cluster2\n")).isEqualTo("456");
        assertThat(CoordinatorJob.parseJobId("Submitted batch job 7")).isNull();
    }

    @Test
    void nonsenseResourcesAreRefused() {
        assertThatThrownBy(() -> job("java", 0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> job("java", 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
