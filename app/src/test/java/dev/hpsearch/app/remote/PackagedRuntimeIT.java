package dev.hpsearch.app.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hpsearch's packages run on a runtime linked without jlink (decision 0022). For a cluster without Java 17 such a
 * runtime sends itself: here one is linked as the package build does (the coordinator's modules, bin/java kept),
 * its archive is made, unpacked elsewhere, and its java runs.
 */
class PackagedRuntimeIT {
    @TempDir
    Path tmp;

    @Test
    void aPackagedRuntimeWithoutJlinkArchivesItselfForTheCluster() throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && Files.isDirectory(jdk.resolve("jmods")), "needs a JDK with jmods on Linux");
        Path packaged = tmp.resolve("runtime");
        run(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules", String.join(",", ClusterRuntime.MODULES),
                "--no-header-files", "--no-man-pages", "--output", packaged.toString()));
        assertThat(packaged.resolve("bin/jlink")).doesNotExist();

        Path archive = ClusterRuntime.archive(tmp.resolve("cache"), packaged, "Linux", "amd64");
        assertThat(ClusterRuntime.archive(tmp.resolve("cache"), packaged, "Linux", "amd64")).isEqualTo(archive);

        Path unpacked = Files.createDirectories(tmp.resolve("on-the-cluster"));
        run(List.of("tar", "xzf", archive.toString(), "-C", unpacked.toString()));
        String version = run(List.of(unpacked.resolve("bin/java").toString(), "-version"));
        assertThat(ClusterRuntime.majorVersion(version)).isEqualTo(ClusterRuntime.REQUIRED);
        assertThat(ClusterRuntime.linkedModules(Files.readString(unpacked.resolve("release"))))
                .containsAll(ClusterRuntime.MODULES);
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
