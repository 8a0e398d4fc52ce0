package dev.hpsearch.app.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterRuntimeTest {
    @Test
    void theMajorVersionComesFromWhatJavaVersionPrints() {
        assertThat(ClusterRuntime.majorVersion("openjdk version \"17.0.9\" 2023-10-17\nOpenJDK Runtime Environment")).isEqualTo(17);
        assertThat(ClusterRuntime.majorVersion("java version \"1.8.0_381\"\nJava(TM) SE Runtime Environment")).isEqualTo(8);
        assertThat(ClusterRuntime.majorVersion("openjdk version \"11.0.22\" 2024-01-16")).isEqualTo(11);
        assertThat(ClusterRuntime.majorVersion("openjdk version \"21\" 2023-09-19")).isEqualTo(21);
        assertThat(ClusterRuntime.majorVersion("bash: java: command not found")).isEqualTo(-1);
    }
}
