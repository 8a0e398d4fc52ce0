package dev.hpsearch.optimizer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real mounts for tests of a read-only folder and a full disk, shared with the app's tests through the optimizer's
 * test-jar. Tests run as root, for whom chmod does not make a folder read-only, so a read-only bind mount and a
 * small tmpfs are the real thing. Where mounting is not
 * permitted (not root, a container without the capability) the test is skipped, except under {@code CI=true},
 * where it fails. Unmount everything in {@code @AfterEach} with {@link #unmountAll()}.
 */
public final class Mounts {
    private final Deque<Path> mounted = new ArrayDeque<>();
    private final List<Path> staged = new ArrayList<>();

    /** Skips (fails under CI) unless this process may mount. */
    public static void assumeMountPermitted(Path scratch) throws Exception {
        String why = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            why = "not root";
        } else {
            Path probe = Files.createDirectories(scratch.resolve(".mount_probe"));
            List<String> out = new ArrayList<>();
            if (exec(out, "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.toString()) != 0) {
                why = "mount is not permitted here: " + String.join(" ", out);
            } else {
                exec(out, "umount", "-l", probe.toString());
            }
        }
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("mount tests must run under CI: " + why);
            }
            Assumptions.abort(why);
        }
    }

    /** A tmpfs of the given size at {@code dir} (created if needed): a disk that fills up. */
    public void tmpfs(Path dir, String size) throws Exception {
        Files.createDirectories(dir);
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        mounted.push(dir);
    }

    /**
     * Makes {@code dir} read-only from now on, in one step: {@code dir} is first bind-mounted at a private staging
     * folder and made read-only there, where nothing writes, and that read-only mount is then bound over
     * {@code dir} (a bind mount keeps the read-only flag). Remounting {@code dir} read-only in place instead
     * fails with "mount point is busy" whenever a running script holds a file open for writing through it, which
     * a search with runs in flight does nearly all the time. Files opened for writing before stay writable, as
     * on a file system remounted read-only under a running program that holds them open; every new open for
     * writing fails with "Read-only file system".
     */
    public void readOnly(Path dir) throws Exception {
        Path stage = Files.createTempDirectory("hpsearch-readonly-");
        staged.add(stage);
        run("mount", "--bind", dir.toString(), stage.toString());
        mounted.push(stage);
        run("mount", "-o", "remount,bind,ro", stage.toString());
        run("mount", "--bind", stage.toString(), dir.toString());
        mounted.push(dir);
    }

    /** Writes into {@code dir} until its disk is full; returns the filler file, to delete to free the disk. */
    public static Path fill(Path dir) throws IOException {
        Path filler = dir.resolve("filler");
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        return filler;
    }

    /** Unmounts, last mounted first (lazily, so that a process still inside cannot keep a mount behind). */
    public void unmountAll() throws Exception {
        while (!mounted.isEmpty()) {
            run("umount", "-l", mounted.pop().toString());
        }
        for (Path stage : staged) {
            Files.deleteIfExists(stage);
        }
        staged.clear();
    }

    private static void run(String... command) throws Exception {
        List<String> out = new ArrayList<>();
        String[] rest = java.util.Arrays.copyOfRange(command, 1, command.length);
        int status = exec(out, command[0], rest);
        if (status != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + status + "): " + String.join(" ", out));
        }
    }

    private static int exec(List<String> out, String program, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(program);
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            out.add(e.getMessage());
            return -1;
        }
        out.add(new String(p.getInputStream().readAllBytes()).trim());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
