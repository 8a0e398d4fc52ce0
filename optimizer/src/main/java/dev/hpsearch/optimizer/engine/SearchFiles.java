package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Sets up a search folder and finds its configs again: each search keeps a copy of the three config files it
 * was started with (so that editing the originals never changes a running or resumable search) and a
 * {@code search.json} with where they came from.
 */
public final class SearchFiles {
    public static final String SEARCH_CONFIG = "search_config.json";
    public static final String JOB_CONFIG = "job_config.json";
    public static final String MODEL_CONFIG = "model_config.json";
    public static final String META = "search.json";
    private static final String ON_CLUSTER = "coordinator_on_cluster";

    private SearchFiles() {
    }

    /** Creates {@code hp_search_{next id}} in the project folder and copies the configs into it. */
    public static Path create(Configs configs) throws IOException {
        return create(configs, configs.job().isLocal() ? JobConfig.LOCAL : configs.job().cluster());
    }

    /**
     * As {@link #create(Configs)}, recording where the search runs ({@code local} or a cluster profile name) so
     * that {@code resume} reconnects to the same place.
     */
    public static Path create(Configs configs, String cluster) throws IOException {
        return create(configs, cluster, false, -1);
    }

    /**
     * As {@link #create(Configs, String)}, for any placement of the coordinator.
     *
     * @param coordinatorOnCluster whether this coordinator runs on a node of {@code cluster} and submits there
     *                             directly (detached mode), rather than over SSH
     * @param searchId             the search id to use (its folder must be absent or empty), or -1 for the next
     */
    public static Path create(Configs configs, String cluster, boolean coordinatorOnCluster, int searchId)
            throws IOException {
        Path dir = searchId < 0 ? SearchFolder.createNext(configs.projectFolder())
                : SearchFolder.create(configs.projectFolder(), searchId);
        Files.copy(configs.searchPath(), dir.resolve(SEARCH_CONFIG), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(configs.jobPath(), dir.resolve(JOB_CONFIG), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(configs.modelPath(), dir.resolve(MODEL_CONFIG), StandardCopyOption.REPLACE_EXISTING);
        ObjectNode meta = JsonFiles.STRICT.createObjectNode();
        meta.put("search_id", SearchFolder.searchId(dir));
        meta.put("project_folder", configs.projectFolder().toString());
        meta.put("search_config_path", configs.searchPath().toAbsolutePath().normalize().toString());
        meta.put("job_config_path", configs.jobPath().toAbsolutePath().normalize().toString());
        meta.put("model_config_path", configs.modelPath().toAbsolutePath().normalize().toString());
        meta.put("cluster", cluster);
        if (coordinatorOnCluster) {
            meta.put(ON_CLUSTER, true);
        }
        Files.write(dir.resolve(META), JsonFiles.STRICT.writeValueAsBytes(meta));
        return dir;
    }

    /**
     * The content of {@code search.json} for a search handed over from one machine to the other: the project folder
     * as the new side sees it, and no config paths (the copies in the search folder are read, the job config as if
     * it sat in the project folder).
     */
    public static byte[] handedOverMeta(int searchId, String projectFolder, String cluster, boolean coordinatorOnCluster)
            throws IOException {
        ObjectNode meta = JsonFiles.STRICT.createObjectNode();
        meta.put("search_id", searchId);
        meta.put("project_folder", projectFolder);
        meta.put("cluster", cluster);
        if (coordinatorOnCluster) {
            meta.put(ON_CLUSTER, true);
        }
        return JsonFiles.STRICT.writeValueAsBytes(meta);
    }

    /** Whether a coordinator on this machine runs the search now (it holds the search folder's lock). */
    public static boolean coordinatorRunning(Path searchDir) throws IOException {
        try (CoordinatorLock lock = CoordinatorLock.acquire(searchDir)) {
            return false;
        } catch (CoordinatorLock.SearchBusyException e) {
            return true;
        }
    }

    /** Where a search runs: {@code local} or the cluster profile it was started on. */
    public static String cluster(Path searchDir) throws IOException {
        Path meta = searchDir.resolve(META);
        if (!Files.exists(meta)) {
            return JobConfig.LOCAL;
        }
        JsonNode n = JsonFiles.STRICT.readTree(meta.toFile());
        return n.path("cluster").asText(JobConfig.LOCAL);
    }

    /** Whether the search's coordinator runs on a node of its cluster (detached mode) rather than over SSH. */
    public static boolean coordinatorOnCluster(Path searchDir) throws IOException {
        Path meta = searchDir.resolve(META);
        return Files.exists(meta) && JsonFiles.STRICT.readTree(meta.toFile()).path(ON_CLUSTER).asBoolean(false);
    }

    /**
     * Reads the configs a search was started with. The job config is read as if it sat in the project
     * folder, so relative script paths resolve as they did at launch.
     */
    public static Configs load(Path searchDir) throws ConfigException, IOException {
        Path dir = searchDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(SEARCH_CONFIG)) || !Files.isRegularFile(dir.resolve(Journal.FILE_NAME))) {
            throw new IOException(dir + " is not an hpsearch search folder (no " + SEARCH_CONFIG + " or "
                    + Journal.FILE_NAME + ")");
        }
        Configs c = ConfigLoader.ofStartedSearch().load(dir.resolve(SEARCH_CONFIG), dir.resolve(JOB_CONFIG), dir.resolve(MODEL_CONFIG));
        Path project = dir.getParent();
        JsonNode meta = Files.exists(dir.resolve(META)) ? JsonFiles.STRICT.readTree(dir.resolve(META).toFile()) : null;
        Path jobPath = meta != null && meta.hasNonNull("job_config_path")
                ? Path.of(meta.get("job_config_path").asText()) : project.resolve(JOB_CONFIG);
        if (!project.equals(jobPath.toAbsolutePath().normalize().getParent())) {
            jobPath = project.resolve(JOB_CONFIG);
        }
        return new Configs(c.search(), c.job(), c.model(), c.searchPath(), jobPath, c.modelPath(), c.warnings());
    }
}
