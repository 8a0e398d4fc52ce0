package dev.hpsearch.app.remote;

import dev.hpsearch.optimizer.engine.LaunchRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The detached launches a {@code launched_hp_searches.txt} records (the laptop's, written by {@link DetachedLaunch},
 * or the cluster's, written by the coordinator itself), for {@code hpsearch status --cluster} and the desktop app's
 * "Follow on cluster".
 */
public final class DetachedLaunches {
    private DetachedLaunches() {
    }

    /**
     * One launch whose coordinator is a Slurm job.
     *
     * @param jobId        the coordinator's Slurm job id
     * @param searchFolder the search folder on the cluster
     * @param cluster      the cluster profile the coordinator was given ({@code --cluster} of its command), or
     *                     {@code null} when the record does not say
     */
    public record Launch(String jobId, String searchFolder, String cluster) {
        /** The search folder's name, {@code hp_search_{id}}. */
        public String searchName() {
            return searchFolder.substring(searchFolder.lastIndexOf('/') + 1);
        }
    }

    /**
     * The detached launches of a record file's text, oldest first: rows with an sbatch command, or, with
     * {@code searchFolder}, the rows about that folder whose job id is a Slurm job id (the coordinator's own).
     * Rows of another width are skipped.
     */
    public static List<Launch> parse(String records, String searchFolder) {
        String[] lines = records.split("\n");
        List<Launch> found = new ArrayList<>();
        if (lines.length < 2) {
            return found;
        }
        List<String> header = Arrays.asList(lines[0].split("\t", -1));
        int job = header.indexOf("job_id");
        int folder = header.indexOf("search_folder");
        int slurm = header.indexOf("slurm_command");
        int command = header.indexOf("search_command");
        if (job < 0 || folder < 0 || slurm < 0) {
            return found;
        }
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length != header.size()) {
                continue;
            }
            boolean match = searchFolder == null ? !f[slurm].isBlank() : f[folder].equals(searchFolder);
            if (match && f[job].matches("\\d+")) {
                found.add(new Launch(f[job], f[folder], command < 0 ? null : clusterOf(f[command])));
            }
        }
        return found;
    }

    /** The latest detached launch recorded in a project folder's launched_hp_searches.txt, or {@code null}. */
    public static Launch latest(Path projectFolder) throws IOException {
        Path file = projectFolder.resolve(LaunchRecords.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<Launch> all = parse(Files.readString(file, StandardCharsets.UTF_8), null);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** The word after {@code --cluster} in a displayed command line, unquoted, or {@code null}. */
    static String clusterOf(String command) {
        String[] words = command.trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("--cluster")) {
                String w = words[i + 1];
                if (w.length() >= 2 && w.startsWith("'") && w.endsWith("'")) {
                    w = w.substring(1, w.length() - 1);
                }
                return w.isEmpty() ? null : w;
            }
        }
        return null;
    }
}
