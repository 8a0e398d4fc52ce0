package dev.hpsearch.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortableNativesTest {
    @TempDir
    Path tmp;

    @Test
    void namesTheFourPlatformsWhoseLibrariesShareNames() {
        assertThat(PortableNatives.platform("Linux", "amd64")).contains("linux-x64");
        assertThat(PortableNatives.platform("Linux", "aarch64")).contains("linux-aarch64");
        assertThat(PortableNatives.platform("Mac OS X", "x86_64")).contains("mac-x64");
        assertThat(PortableNatives.platform("Mac OS X", "aarch64")).contains("mac-aarch64");
        assertThat(PortableNatives.platform("Windows 11", "amd64")).isEmpty();
        assertThat(PortableNatives.platform("Linux", "riscv64")).isEmpty();
    }

    @Test
    void unpacksOnlyThisPlatformsLibrariesOnceAndANewBuildIntoAFolderOfItsOwn() throws IOException {
        Path jar = jar(tmp.resolve("a.jar"), Map.of("javafx-natives/linux-x64/libglass.so", "x64 glass",
                "javafx-natives/linux-aarch64/libglass.so", "aarch64 glass", "javafx-natives/mac-x64/libglass.dylib",
                "mac glass", "dev/hpsearch/Other.class", "class"));
        Path cache = tmp.resolve("cache");
        Path folder = PortableNatives.unpack(jar, "linux-x64", cache).orElseThrow();
        assertThat(folder.getParent()).isEqualTo(cache);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("libglass.so");
        }
        assertThat(folder.resolve("libglass.so")).hasContent("x64 glass");
        Files.writeString(folder.resolve("marker"), "kept");
        assertThat(PortableNatives.unpack(jar, "linux-x64", cache)).contains(folder);
        assertThat(folder.resolve("marker")).exists();

        Path newer = jar(tmp.resolve("b.jar"), Map.of("javafx-natives/linux-x64/libglass.so", "x64 glass, fixed"));
        Path other = PortableNatives.unpack(newer, "linux-x64", cache).orElseThrow();
        assertThat(other).isNotEqualTo(folder);
        assertThat(other.resolve("libglass.so")).hasContent("x64 glass, fixed");
        try (var left = Files.list(cache)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("javafx-unpack-"))).isEmpty();
        }
    }

    @Test
    void aJarWithoutThePlatformsFolderChangesNothing() throws IOException {
        Path jar = jar(tmp.resolve("plain.jar"), Map.of("libglass.so", "at the root, as in the packages' jar"));
        assertThat(PortableNatives.unpack(jar, "linux-x64", tmp.resolve("cache"))).isEmpty();
        assertThat(tmp.resolve("cache")).doesNotExist();
    }

    private static Path jar(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream j = new JarOutputStream(out)) {
            for (var e : entries.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return file;
    }
}
