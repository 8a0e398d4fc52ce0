package dev.hpsearch.app.remote;

import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.CommandLine;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.slurm.CoordinatorJob;
import dev.hpsearch.ssh.transport.CommandResult;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarFile;

/**
 * Detached mode: submits a search's coordinator as a Slurm job, so the search goes on with the laptop closed (the
 * seed's {@code launch_hp_search.py}; see docs/decisions/0004-detached-coordinator-on-the-cluster.md).
 * {@code hpsearch launch} and the desktop app's "Launch detached" both call {@link #submit}.
 */
public final class DetachedLaunch {
    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(120);

    private DetachedLaunch() {
    }

    /**
     * What was submitted.
     *
     * @param jobId        the coordinator's Slurm job id
     * @param profile      the cluster profile's name
     * @param host         {@code user@host:port} as connected
     * @param searchFolder the search folder on the cluster
     * @param log          the coordinator's output file on the cluster
     * @param record       the local launched_hp_searches.txt the launch was added to, or {@code null}
     * @param runtime      the Java runtime uploaded for the coordinator, as the cluster's own Java is older than
     *                     17 or missing; {@code null} when the coordinator runs the cluster's Java
     */
    public record Submitted(String jobId, String profile, String host, String searchFolder, String log, Path record,
                            String runtime) {
    }

    /** The profile file a launch leaves in a project folder on the cluster, for the coordinator and resume. */
    public static Path launchedProfiles(Path projectFolder) {
        return projectFolder.resolve(RemoteProject.HIDDEN).resolve("clusters.json");
    }

    /**
     * The script must exist when it lives in the project, since it is uploaded from here; {@code null} when it
     * does, else the message naming the file.
     */
    public static String missingScript(Configs configs, Path jobPath) {
        Path project = configs.projectFolder();
        Path script = CommandLine.script(configs.job(), project);
        if (RemoteProject.inside(project, script) && !Files.isRegularFile(script)) {
            return jobPath + ": $.script_path: no such file: " + script
                    + " (relative paths are taken from the folder of job_config.json)";
        }
        return null;
    }

    /**
     * Uploads the jar (once per version), the configs and the script, claims a search id on the cluster, submits the
     * coordinator job and records the launch in the project's launched_hp_searches.txt.
     *
     * @param configs the validated configs; {@code searchPath}, {@code jobPath}, {@code modelPath} are the files
     * @param jar     a self-contained hpsearch jar ({@link #selfContainedJar})
     * @param source       where the profile was named, for the message when connecting fails
     * @param profilesFile the cluster profiles file, for that message's advice
     * @param prompts      SSH's questions (host key, user name, passphrase, password)
     * @throws ClusterContactException when the cluster cannot be reached or refuses the connection; nothing was
     *                                 created, here or there
     * @throws SshBridgeException      when a remote step fails, or the cluster refuses the job
     * @throws IOException        when a local file cannot be read or the launch cannot be recorded
     */
    public static Submitted submit(Configs configs, Path searchPath, Path jobPath, Path modelPath, ClusterProfile profile,
                                   Path jar, ProfileSource source, Path profilesFile, SshPrompts prompts)
            throws IOException {
        Path project = configs.projectFolder();
        Path script = CommandLine.script(configs.job(), project);
        boolean uploadScript = RemoteProject.inside(project, script);
        try (SshSession ssh = ClusterContact.open(profile, source, profilesFile, SshSettings.defaults(), prompts)) {
            RemoteProject remote = RemoteProject.of(ssh, profile, project);
            String remoteJar = remote.uploadJar(jar);
            int searchId = remote.claimSearchId();
            String searchFolder = remote.searchFolder(searchId);
            // configs outside the project folder go beside the search, under a name of their own
            String hidden = remote.folder() + "/" + RemoteProject.HIDDEN + "/" + SearchFolder.name(searchId);
            List<String> remoteConfigs = new ArrayList<>();
            for (Path c : List.of(searchPath, jobPath, modelPath)) {
                String to = RemoteProject.inside(project, c) ? remote.place(project, c) : hidden + "/" + c.getFileName();
                remote.upload(c, to);
                remoteConfigs.add(to);
            }
            if (uploadScript) {
                remote.upload(script, remote.place(project, script));
            }
            String profiles = remote.folder() + "/" + RemoteProject.HIDDEN + "/clusters.json";
            ssh.mkdirs(hidden);
            ssh.upload(RemoteProject.profileFile(profile, remote.root()), profiles);

            List<String> args = List.of("run", "--quiet", "--on-cluster", "--cluster", profile.name(),
                    "--clusters-file", profiles, "--search_id", Integer.toString(searchId),
                    "--search_config_path", remoteConfigs.get(0), "--job_config_path", remoteConfigs.get(1),
                    "--model_config_path", remoteConfigs.get(2));
            return coordinator(ssh, remote, profile, configs, remoteJar, args, searchFolder, remoteConfigs, project);
        }
    }

    /**
     * Submits a coordinator job again for a detached search that was stopped or whose coordinator died: it runs
     * {@code hpsearch resume} on the search folder, so nothing finished is run again, and jobs still going are
     * adopted. The caller has made sure no coordinator of it is in the queue.
     *
     * @param ssh          the open session
     * @param configs      the search's configs (its copies in the search folder, mirrored here)
     * @param searchFolder the search folder on the cluster
     * @param localProject the local project folder whose launched_hp_searches.txt gets the new job, or {@code null}
     *                     (the coordinator records itself on the cluster in any case)
     */
    public static Submitted resume(SshSession ssh, ClusterProfile profile, Configs configs, String searchFolder,
                                   Path jar, Path localProject) throws IOException {
        String folder = searchFolder.substring(0, searchFolder.lastIndexOf('/'));
        RemoteProject remote = RemoteProject.at(ssh, profile, folder);
        String remoteJar = remote.uploadJar(jar);
        String profiles = folder + "/" + RemoteProject.HIDDEN + "/clusters.json";
        ssh.mkdirs(folder + "/" + RemoteProject.HIDDEN);
        ssh.upload(RemoteProject.profileFile(profile, remote.root()), profiles);
        // a request that no coordinator took (it was stopped while queued) must not stop this one
        ssh.remove(searchFolder + "/" + StopRequest.FILE_NAME);
        List<String> args = List.of("resume", "--quiet", "--clusters-file", profiles, searchFolder);
        List<String> remoteConfigs = List.of(searchFolder + "/" + SearchFiles.SEARCH_CONFIG,
                searchFolder + "/" + SearchFiles.JOB_CONFIG, searchFolder + "/" + SearchFiles.MODEL_CONFIG);
        return coordinator(ssh, remote, profile, configs, remoteJar, args, searchFolder, remoteConfigs, localProject);
    }

    /**
     * Submits the coordinator job at most once (decision 0008: a dropped connection sends the command again and
     * gets the job the first copy submitted) and records it.
     */
    private static Submitted coordinator(SshSession ssh, RemoteProject remote, ClusterProfile profile, Configs configs,
                                         String remoteJar, List<String> args, String searchFolder,
                                         List<String> remoteConfigs, Path localProject) throws IOException {
        String name = searchFolder.substring(searchFolder.lastIndexOf('/') + 1);
        String hidden = remote.folder() + "/" + RemoteProject.HIDDEN + "/" + name;
        ssh.mkdirs(hidden);
        String log = searchFolder + ".coordinator.log";
        String java = configs.search().searchEnvironmentPath();
        String runtime = null;
        if (ClusterRuntime.versionOnCluster(ssh, profile, java) < ClusterRuntime.REQUIRED) {
            // the node's java is too old or missing: bring one, made for Linux x64 and shared like the jar
            runtime = ClusterRuntime.install(ssh, remote.root(), ClusterRuntime.archive(ClusterRuntime.defaultCache()));
            java = runtime;
        }
        CoordinatorJob job = new CoordinatorJob(java, remoteJar, args,
                configs.search().searchMemoryGb(),
                Duration.ofSeconds(Math.round(configs.search().searchTimeHours() * 3600)), profile,
                remote.folder(), log,
                configs.search().mailUser() != null ? configs.search().mailUser() : profile.mailUser());
        String jobScript = hidden + "/coordinator.sh";
        ssh.upload(job.script().getBytes(StandardCharsets.UTF_8), jobScript);
        // one value per launch: a retry of this command finds its own marker, the next launch does not
        String nonce = UUID.randomUUID().toString();
        CommandResult r = ssh.execIdempotent(job.submitOnceCommand(jobScript, hidden, nonce), SUBMIT_TIMEOUT);
        String jobId = r.ok() ? CoordinatorJob.parseJobId(r.stdout()) : null;
        if (jobId == null) {
            throw new SshBridgeException("the cluster refused the coordinator job " + r.describe()
                    + (r.ok() ? " (no job id in: " + r.stdout().strip() + ")" : ""));
        }
        int searchId = SearchFolder.searchId(name);
        Path record = null;
        if (localProject != null) {
            LaunchRecords.append(localProject, new LaunchRecords.Launch(jobId, Path.of(remote.folder()),
                    Path.of(searchFolder), searchId, Path.of(searchFolder, "log.txt"), Path.of(remoteConfigs.get(0)),
                    Path.of(remoteConfigs.get(1)), Path.of(remoteConfigs.get(2)), ShellQuote.display(job.javaCommand()),
                    ShellQuote.display(job.sbatchArgs(jobScript))));
            record = localProject.resolve(LaunchRecords.FILE_NAME);
        }
        return new Submitted(jobId, profile.name(), ssh.host(), searchFolder, log, record, runtime);
    }

    /**
     * The jar to upload: {@code jar}, else the one this class was loaded from; it must hold every dependency.
     *
     * @param jar the jar the user named, or {@code null}
     * @throws IOException saying what is wrong and what to do instead
     */
    public static Path selfContainedJar(Path jar) throws IOException {
        Path file = jar;
        if (file == null) {
            try {
                file = Path.of(DetachedLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | SecurityException | NullPointerException e) {
                throw new IOException("cannot tell which jar hpsearch runs from; give --jar FILE", e);
            }
            if (!Files.isRegularFile(file)) {
                throw new IOException("hpsearch does not run from a jar here (" + file + "); give --jar FILE with the"
                        + " self-contained hpsearch-app-*-all.jar");
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("--jar: no such file: " + file);
        }
        try (JarFile j = new JarFile(file.toFile())) {
            if (j.getEntry("dev/hpsearch/app/cli/Main.class") == null || j.getEntry("picocli/CommandLine.class") == null
                    || j.getEntry("org/apache/sshd/client/SshClient.class") == null) {
                throw new IOException(file + " is not a self-contained hpsearch jar (it lacks hpsearch or its"
                        + " libraries); use hpsearch-app-*-all.jar");
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + " is not a jar: " + e.getMessage(), e);
        }
        return file;
    }
}
