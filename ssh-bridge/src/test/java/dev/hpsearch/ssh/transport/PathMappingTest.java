package dev.hpsearch.ssh.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathMappingTest {

    @Test
    void mapsRelativePathUnderTheRemoteRoot() {
        PathMapping m = new PathMapping(Path.of("/home/me/proj"), "/scratch/me/proj/");
        assertThat(m.remote(Path.of("/home/me/proj/hp_search_0/hp_combination_3/input.json")))
                .isEqualTo("/scratch/me/proj/hp_search_0/hp_combination_3/input.json");
        assertThat(m.remote(Path.of("/home/me/proj"))).isEqualTo("/scratch/me/proj");
        assertThat(m.remote(Path.of("/home/me/proj/a b/it's"))).isEqualTo("/scratch/me/proj/a b/it's");
        assertThat(m.covers(Path.of("/home/me/other"))).isFalse();
    }

    @Test
    void refusesFilesOutsideTheProject() {
        PathMapping m = new PathMapping(Path.of("/home/me/proj"), "proj");
        assertThatThrownBy(() -> m.remote(Path.of("/home/me/proj/../secret"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not inside the project folder");
    }
}
