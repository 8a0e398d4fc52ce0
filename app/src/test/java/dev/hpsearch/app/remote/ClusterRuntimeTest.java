package dev.hpsearch.app.remote;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterRuntimeTest {
    @Test
    void theMajorVersionComesFromWhatJavaVersionPrints() {
        assertThat(ClusterRuntime.majorVersion("openjdk version \"17.0.9\" 2023-10-17\nOpenJDK Runtime Environment")).isEqualTo(17);
        assertThat(ClusterRuntime.majorVersion("java version \"1.8.0_381\"\nJava(TM) SE Runtime Environment")).isEqualTo(8);
        assertThat(ClusterRuntime.majorVersion("openjdk version \"11.0.22\" 2024-01-16")).isEqualTo(11);
        assertThat(ClusterRuntime.majorVersion("openjdk version \"21\" 2023-09-19")).isEqualTo(21);
        assertThat(ClusterRuntime.majorVersion("bash: java: command not found")).isEqualTo(-1);
    }

    @Test
    void theModulesOfARuntimeComeFromItsReleaseFile() {
        assertThat(ClusterRuntime.linkedModules("JAVA_VERSION=\"17.0.9\"\nMODULES=\"java.base java.sql jdk.crypto.ec\"\n"))
                .containsExactly("java.base", "java.sql", "jdk.crypto.ec");
        assertThat(ClusterRuntime.linkedModules("JAVA_VERSION=\"17\"\n")).isEmpty();
    }

    /** A runtime with neither jlink nor the coordinator's modules (say, a JRE): the user is told what to do. */
    @Test
    void aRuntimeThatCanNeitherLinkNorServeSaysWhatToDo(@TempDir Path tmp) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("jre"));
        Files.writeString(home.resolve("release"), "MODULES=\"java.base java.sql\"\n");
        assertThatThrownBy(() -> ClusterRuntime.archive(tmp.resolve("cache"), home, "Linux", "amd64"))
                .isInstanceOf(IOException.class).hasMessageContaining("has no jlink")
                .hasMessageContaining("search_environment_path");
    }
}
