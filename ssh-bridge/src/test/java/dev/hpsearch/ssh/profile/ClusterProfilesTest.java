package dev.hpsearch.ssh.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterProfilesTest {

    @TempDir
    Path tmp;

    @Test
    void presetsComeFromTheSeed() {
        ClusterProfiles p = ClusterProfiles.presets();
        ClusterProfile cms = p.find("cms").orElseThrow();
        assertThat(cms.host()).isEqualTo("ushpc.gsk.com");
        assertThat(cms.partitionFor("GPU")).isEqualTo("up-gpu");
        assertThat(cms.setupLines()).containsExactly("module load slurm");
        ClusterProfile tech = p.find("GSKTECH").orElseThrow();
        assertThat(tech.host()).isEqualTo("us1sxlx00202.corpnet2.com");
        assertThat(tech.partitionFor("GPU")).isEqualTo("us_hpc");
        assertThat(tech.setupLines().get(0)).isEqualTo("export PATH=${PATH}:/usr/local/slurm/bin");
    }

    @Test
    void missingFileMeansPresetsOnly() throws Exception {
        assertThat(ClusterProfiles.load(tmp.resolve("none.json")).names()).containsExactly("CMS", "GSKTECH");
    }

    @Test
    void userProfilesAreAddedAndReplacePresetsOfTheSameName() throws Exception {
        Path f = tmp.resolve("clusters.json");
        Files.writeString(f, "{\"clusters\": ["
                + "{\"name\": \"mylab\", \"host\": \"login.example.org\", \"port\": 2200, \"user\": \"me\","
                + " \"identity_file\": \"~/.ssh/id_lab\", \"cpu_partition\": \"cpu\", \"gpu_partition\": \"gpu\","
                + " \"setup\": [\"module load slurm/22\"], \"remote_root\": \"/scratch/me/hp\"},"
                + "{\"name\": \"cms\", \"host\": \"cms-alias\"}]}");
        ClusterProfiles p = ClusterProfiles.load(f);
        ClusterProfile lab = p.require("MyLab");
        assertThat(lab.port()).isEqualTo(2200);
        assertThat(lab.identityFile()).isEqualTo(Path.of(System.getProperty("user.home"), ".ssh/id_lab"));
        assertThat(lab.partitionFor("CPU")).isEqualTo("cpu");
        assertThat(lab.remoteRoot()).isEqualTo("/scratch/me/hp");
        assertThat(lab.target().port()).isEqualTo(2200);
        assertThat(p.require("CMS").host()).isEqualTo("cms-alias");
        assertThat(p.names()).hasSize(3);
    }

    @Test
    void errorsNameTheFileThePathAndWhatIsAllowed() throws Exception {
        Path f = tmp.resolve("clusters.json");
        Files.writeString(f, "{\"clusters\": [{\"name\": \"a\", \"host\": \"h\", \"port\": \"22\"}]}");
        assertThatThrownBy(() -> ClusterProfiles.load(f)).isInstanceOf(ClusterProfileException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("clusters[0].port").hasMessageContaining("1..65535");

        Files.writeString(f, "{\"clusters\": [{\"name\": \"a\", \"host\": \"h\", \"partiton\": \"x\"}]}");
        assertThatThrownBy(() -> ClusterProfiles.load(f)).hasMessageContaining("clusters[0].partiton")
                .hasMessageContaining("cpu_partition");

        Files.writeString(f, "{\"clusters\": [{\"name\": \"a\", \"host\": \"h\", \"mail_user\": \"a b\"}]}");
        assertThatThrownBy(() -> ClusterProfiles.load(f)).hasMessageContaining("clusters[0].mail_user")
                .hasMessageContaining("\"a b\"").hasMessageContaining("one user name or e-mail address");

        Files.writeString(f, "{\"clusters\": [{\"name\": \"a\"}]}");
        assertThatThrownBy(() -> ClusterProfiles.load(f)).hasMessageContaining("clusters[0].host").hasMessageContaining("required");

        Files.writeString(f, "{\"clusters\": [{\"name\": \"a\", \"host\": \"h\"}, {\"name\": \"A\", \"host\": \"g\"}]}");
        assertThatThrownBy(() -> ClusterProfiles.load(f)).hasMessageContaining("clusters[1].name").hasMessageContaining("twice");

        Files.writeString(f, "{\"clusters\": [{\"name\": \"local\", \"host\": \"h\"}]}");
        assertThatThrownBy(() -> ClusterProfiles.load(f)).hasMessageContaining("reserved");

        Files.writeString(f, "{\"clusters\": [");
        assertThatThrownBy(() -> ClusterProfiles.load(f)).hasMessageContaining("not valid JSON");

        assertThatThrownBy(() -> ClusterProfiles.presets().require("nowhere")).hasMessageContaining("CMS, GSKTECH");
    }
}
