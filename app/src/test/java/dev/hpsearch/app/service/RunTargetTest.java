package dev.hpsearch.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunTargetTest {
    @Test
    void noNameBlankAndLocalInAnyCaseMeanThisMachine() {
        for (String name : new String[] {null, "", "  ", "local", "LOCAL", " Local "}) {
            RunTarget t = RunTarget.parse(name);
            assertThat(t).as("\"%s\"", name).isSameAs(RunTarget.LOCAL);
            assertThat(t.isLocal()).isTrue();
            assertThat(t.name()).isEqualTo("local");
        }
    }

    @Test
    void anyOtherNameIsAClusterProfileWithoutTheSurroundingBlanks() {
        RunTarget t = RunTarget.parse("  lab-cluster ");

        assertThat(t).isEqualTo(new RunTarget.Cluster("lab-cluster"));
        assertThat(t.isLocal()).isFalse();
        assertThat(t.name()).isEqualTo("lab-cluster");
        assertThat(t).hasToString("lab-cluster");
        assertThat(RunTarget.parse("locale").isLocal()).as("only the whole word means this machine").isFalse();
    }

    @Test
    void aClusterCannotBeNamedLocalOrNothing() {
        assertThatThrownBy(() -> new RunTarget.Cluster("Local")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Local");
        assertThatThrownBy(() -> new RunTarget.Cluster(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
