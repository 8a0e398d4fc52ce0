package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchRecordsTest {
    @TempDir
    Path project;

    private LaunchRecords.Launch launch(int searchId) {
        Path search = project.resolve("hp_search_" + searchId);
        return new LaunchRecords.Launch("4242", project, search, searchId, search.resolve("log.txt"),
                project.resolve("search_config.json"), project.resolve("job_config.json"),
                project.resolve("model_config.json"), "hpsearch run --search_config_path s.json", "");
    }

    private List<String> lines() throws Exception {
        return Files.readAllLines(project.resolve(LaunchRecords.FILE_NAME));
    }

    @Test
    void headerHasTheSeedsFields() {
        assertThat(LaunchRecords.COLUMNS).containsExactly("job_id", "project_folder", "search_folder", "search_id",
                "log_path", "search_config_path", "job_config_path", "model_config_path", "search_command",
                "slurm_command");
    }

    @Test
    void headerIsWrittenOnceAndOneRowPerLaunch() throws Exception {
        LaunchRecords.append(project, launch(0));
        LaunchRecords.append(project, launch(1));

        List<String> lines = lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(String.join("\t", LaunchRecords.COLUMNS));
        assertThat(lines.get(1).split("\t", -1)).hasSize(LaunchRecords.COLUMNS.size());
        assertThat(lines.get(1).split("\t", -1)[3]).isEqualTo("0");
        assertThat(lines.get(2).split("\t", -1)[3]).isEqualTo("1");
    }

    @Test
    void rowHoldsTheLaunchsFields() throws Exception {
        LaunchRecords.append(project, launch(5));

        String[] row = lines().get(1).split("\t", -1);
        assertThat(row[0]).isEqualTo("4242");
        assertThat(row[1]).isEqualTo(project.toAbsolutePath().normalize().toString());
        assertThat(row[2]).isEqualTo(project.resolve("hp_search_5").toString());
        assertThat(row[4]).isEqualTo(project.resolve("hp_search_5/log.txt").toString());
        assertThat(row[8]).isEqualTo("hpsearch run --search_config_path s.json");
        assertThat(row[9]).isEmpty();
    }

    @Test
    void tabsAndNewlinesInACommandCannotBreakTheTable() throws Exception {
        LaunchRecords.Launch l = launch(0);
        LaunchRecords.append(project, new LaunchRecords.Launch(l.jobId(), l.projectFolder(), l.searchFolder(),
                l.searchId(), l.logPath(), l.searchConfigPath(), l.jobConfigPath(), l.modelConfigPath(),
                "run\twith\ttabs\nand a newline", l.slurmCommand()));

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(1).split("\t", -1)).hasSize(LaunchRecords.COLUMNS.size());
    }

    @Test
    void concurrentLaunchesInOneProcessEachGetOneRow() throws Exception {
        // a lost race shows in about one round in five, so run enough rounds to see it
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 30; round++) {
                Path folder = Files.createDirectory(project.resolve("round" + round));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    int id = i;
                    futures.add(pool.submit(() -> {
                        go.await();
                        LaunchRecords.append(folder, launch(id));
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : futures) {
                    f.get(10, TimeUnit.SECONDS);
                }

                List<String> lines = Files.readAllLines(folder.resolve(LaunchRecords.FILE_NAME));
                assertThat(lines).hasSize(threads + 1);
                assertThat(lines.get(0)).isEqualTo(String.join("\t", LaunchRecords.COLUMNS));
                assertThat(lines.subList(1, lines.size())).extracting(l -> l.split("\t", -1)[3])
                        .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
