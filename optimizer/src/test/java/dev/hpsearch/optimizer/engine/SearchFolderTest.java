package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchFolderTest {
    @TempDir
    Path project;

    @Test
    void idsIncrementFromZero() throws Exception {
        assertThat(SearchFolder.createNext(project).getFileName()).hasToString("hp_search_0");
        assertThat(SearchFolder.createNext(project).getFileName()).hasToString("hp_search_1");
        assertThat(SearchFolder.createNext(project).getFileName()).hasToString("hp_search_2");
        assertThat(Files.isDirectory(project.resolve("hp_search_2"))).isTrue();
    }

    @Test
    void nextIdFollowsTheLargestExistingIdAndIgnoresOtherNames() throws Exception {
        Files.createDirectory(project.resolve("hp_search_7"));
        Files.createDirectory(project.resolve("hp_search_notes"));
        Files.createDirectory(project.resolve("hp_search_12_old"));

        assertThat(SearchFolder.createNext(project).getFileName()).hasToString("hp_search_8");
    }

    @Test
    void folderNamedWithANumberTooLargeForAnIdIsIgnored() throws Exception {
        // e.g. a search folder a user copied and stamped with the date and time
        Files.createDirectory(project.resolve("hp_search_20181002153000"));
        Files.createDirectory(project.resolve("hp_search_2"));

        assertThat(SearchFolder.createNext(project).getFileName()).hasToString("hp_search_3");
        assertThat(SearchFolder.searchId(project.resolve("hp_search_20181002153000"))).isEqualTo(-1);
    }

    @Test
    void aGivenIdTakesOverAnEmptyFolderButNotAUsedOne() throws Exception {
        Files.createDirectories(project.resolve("hp_search_3"));
        Files.createDirectories(project.resolve("hp_search_4"));
        Files.writeString(project.resolve("hp_search_4/journal.jsonl"), "");

        assertThat(SearchFolder.create(project, 3)).isEqualTo(project.resolve("hp_search_3"));
        assertThat(SearchFolder.create(project, 5)).isDirectory();
        assertThatThrownBy(() -> SearchFolder.create(project, 4)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("hp_search_4").hasMessageContaining("already in use");
    }

    @Test
    void createsTheProjectFolderIfMissing() throws Exception {
        Path dir = SearchFolder.createNext(project.resolve("new/project"));

        assertThat(dir).isEqualTo(project.resolve("new/project/hp_search_0"));
    }

    @Test
    void concurrentLaunchesNeverShareAnId() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return SearchFolder.createNext(project);
                }));
            }
            go.countDown();
            Set<Path> dirs = new HashSet<>();
            for (Future<Path> f : futures) {
                dirs.add(f.get(10, TimeUnit.SECONDS));
            }

            assertThat(dirs).hasSize(threads);
            assertThat(dirs).extracting(SearchFolder::searchId).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void searchIdIsReadFromTheFolderName() {
        assertThat(SearchFolder.searchId(Path.of("/p/hp_search_15"))).isEqualTo(15);
        assertThat(SearchFolder.searchId(Path.of("/p/results"))).isEqualTo(-1);
    }

    @Test
    void combinationFilesFollowTheSeedsLayout() {
        Path search = project.resolve("hp_search_3");

        assertThat(SearchFolder.inputJson(search, 4)).isEqualTo(search.resolve("hp_combination_4/input.json"));
    }
}
