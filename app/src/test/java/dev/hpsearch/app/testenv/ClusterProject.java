package dev.hpsearch.app.testenv;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A project folder on this machine set up to run on the test cluster: a clusters.json with the one profile
 * {@code testcluster}, whose projects live under a fresh folder on the cluster, and the pieces of a project that
 * the cluster tests share. Skips (or, under CI, fails) the test without the environment, as {@link TestCluster}.
 */
public final class ClusterProject {
    /** The shell line that reads {@code x} from input.json (the script's first argument) into {@code $x}. */
    public static final String READ_X = "x=$(sed -n 's/.*\"x\" *: *\\([0-9.]*\\).*/\\1/p' \"$1\")";
    /** The shell line that reports {@code $x} as the objective, in output.json of the working folder. */
    public static final String SCORE_X = "echo \"{\\\"objective\\\": $x}\" > output.json";
    /** The shell line that reads the combination's folder (input.json's {@code save_folder}) into {@code $out}. */
    public static final String READ_SAVE_FOLDER = "out=$(sed -n 's/.*\"save_folder\" *: *\"\\([^\"]*\\)\".*/\\1/p' \"$1\")";
    /** A job config that runs score.sh with sh on the test cluster. */
    public static final String SH_JOB = "{\"environment_path\": \"sh\", \"script_path\": \"score.sh\", \"time\": 0.1,"
            + " \"memory\": 1, \"cluster\": \"testcluster\"}";

    private final TestCluster cluster;
    private final Path folder;
    private final Path clustersFile;
    private final String remoteRoot;

    private ClusterProject(TestCluster cluster, Path folder, Path clustersFile, String remoteRoot) {
        this.cluster = cluster;
        this.folder = folder;
        this.clustersFile = clustersFile;
        this.remoteRoot = remoteRoot;
    }

    /**
     * Creates {@code tmp/projectName} and {@code tmp/clusters.json}, whose profile keeps its projects under a new
     * folder {@code rootPrefix-{nanos}} of the cluster's test root.
     */
    public static ClusterProject create(Path tmp, String projectName, String rootPrefix) throws IOException {
        TestCluster cluster = TestCluster.require();
        String root = cluster.remoteRoot() + "/" + rootPrefix + "-" + System.nanoTime();
        Path clusters = writeClusters(cluster, tmp, root);
        return new ClusterProject(cluster, Files.createDirectories(tmp.resolve(projectName)), clusters, root);
    }

    /**
     * Only {@code tmp/clusters.json}, for a test that makes its own project folders: the profile
     * {@code testcluster} keeps its projects under a new folder {@code rootPrefix-{nanos}} of the cluster's test root.
     */
    public static Path clustersFile(Path tmp, String rootPrefix) throws IOException {
        TestCluster cluster = TestCluster.require();
        return writeClusters(cluster, tmp, cluster.remoteRoot() + "/" + rootPrefix + "-" + System.nanoTime());
    }

    private static Path writeClusters(TestCluster cluster, Path tmp, String root) throws IOException {
        Path clusters = tmp.resolve("clusters.json");
        cluster.writeClustersFile(clusters, root);
        return clusters;
    }

    public TestCluster cluster() {
        return cluster;
    }

    /** The project folder on this machine. */
    public Path folder() {
        return folder;
    }

    /** The clusters.json with the profile {@code testcluster}. */
    public Path clustersFile() {
        return clustersFile;
    }

    /** Where the profile keeps its projects on the cluster. */
    public String remoteRoot() {
        return remoteRoot;
    }

    /** Writes a file of the project, its lines joined by newlines. */
    public Path write(String name, String... lines) throws IOException {
        return Files.writeString(folder.resolve(name), String.join("\n", lines));
    }

    /** A model config with one discrete hyperparameter {@code x} of these values. */
    public static String discreteX(int... values) {
        StringBuilder domain = new StringBuilder();
        for (int v : values) {
            domain.append(domain.length() == 0 ? "" : ", ").append(v);
        }
        return "{\"x\": {\"type\": \"discrete\", \"domain\": [" + domain + "], \"transformation\": \"linear\"}}";
    }

    /**
     * A command line: {@code command}, then {@code --clusters-file} with this project's profiles and the flags of
     * its three config files.
     */
    public String[] commandLine(String... command) {
        String[] tail = {"--clusters-file", clustersFile.toString(),
                "-s", folder.resolve("search_config.json").toString(),
                "-j", folder.resolve("job_config.json").toString(),
                "-m", folder.resolve("model_config.json").toString()};
        String[] all = java.util.Arrays.copyOf(command, command.length + tail.length);
        System.arraycopy(tail, 0, all, command.length, tail.length);
        return all;
    }

    /** The self-contained jar that {@code mvn package} built before the integration tests, or null. */
    public static Path builtJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "hpsearch-app-*-all.jar")) {
            for (Path j : jars) {
                return j.toAbsolutePath();
            }
        }
        return null;
    }

    /** As {@link #builtJar()}, which a test that launches a coordinator cannot do without. */
    public static Path selfContainedJar() throws IOException {
        Path jar = builtJar();
        if (jar == null) {
            throw new AssertionError("no target/hpsearch-app-*-all.jar: run the integration tests through mvn verify");
        }
        return jar;
    }
}
