package dev.hpsearch.optimizer.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The project's {@code launched_hp_searches.txt}: one tab-separated record per launch with the seed's fields.
 * Appends hold a file lock, so that concurrent launches never interleave.
 */
public final class LaunchRecords {
    public static final String FILE_NAME = "launched_hp_searches.txt";
    public static final List<String> COLUMNS = List.of("job_id", "project_folder", "search_folder", "search_id",
            "log_path", "search_config_path", "job_config_path", "model_config_path", "search_command",
            "slurm_command");

    /**
     * One launch.
     *
     * @param jobId         the coordinator's id: its process id locally, its Slurm job id when detached
     * @param slurmCommand  the sbatch command for a detached launch; empty when run locally
     */
    public record Launch(String jobId, Path projectFolder, Path searchFolder, int searchId, Path logPath,
                         Path searchConfigPath, Path jobConfigPath, Path modelConfigPath, String searchCommand,
                         String slurmCommand) {
    }

    /**
     * A file lock is held by the whole JVM: a second thread asking for it gets OverlappingFileLockException
     * instead of waiting, so threads of one process take turns here first.
     */
    private static final Object IN_PROCESS = new Object();

    private LaunchRecords() {
    }

    /** Appends a record, writing the header first when the file is new. */
    public static void append(Path projectFolder, Launch l) throws IOException {
        synchronized (IN_PROCESS) {
            appendLocked(projectFolder, l);
        }
    }

    private static void appendLocked(Path projectFolder, Launch l) throws IOException {
        Path file = projectFolder.resolve(FILE_NAME);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
             FileLock lock = ch.lock()) {
            StringBuilder sb = new StringBuilder();
            if (ch.size() == 0) {
                sb.append(String.join("\t", COLUMNS)).append('\n');
            }
            sb.append(String.join("\t", List.of(l.jobId(), s(l.projectFolder()), s(l.searchFolder()),
                    Integer.toString(l.searchId()), s(l.logPath()), s(l.searchConfigPath()), s(l.jobConfigPath()),
                    s(l.modelConfigPath()), clean(l.searchCommand()), clean(l.slurmCommand())))).append('\n');
            ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String s(Path p) {
        return p == null ? "" : clean(p.toAbsolutePath().normalize().toString());
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }
}
