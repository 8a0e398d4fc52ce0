package dev.hpsearch.app.cli;

import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.CommandLine;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.ssh.ClusterProfile;
import dev.hpsearch.ssh.ClusterProfileException;
import dev.hpsearch.ssh.CommandResult;
import dev.hpsearch.ssh.CoordinatorJob;
import dev.hpsearch.ssh.ShellQuote;
import dev.hpsearch.ssh.SshBridgeException;
import dev.hpsearch.ssh.SshSession;
import dev.hpsearch.ssh.SshSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hpsearch launch}: the seed's {@code launch_hp_search.py}. The coordinator itself becomes a Slurm job, so
 * the search goes on with the laptop closed; see docs/decisions/0004-detached-coordinator-on-the-cluster.md.
 */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = {"Submits the search's coordinator as a Slurm job on a cluster (detached mode) and returns.",
                "Uploads this hpsearch (a self-contained jar, once per version), the three configs and the script to "
                        + "{remote_root}/{project folder name}/ on the cluster; the job gets search_time, search_memory "
                        + "and runs search_environment_path (a Java 17+; default: java).",
                "Records the job in the project's launched_hp_searches.txt. Watch it with: hpsearch status --cluster NAME PROJECT_FOLDER"})
final class LaunchCommand implements Callable<Integer> {
    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(120);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigPaths paths = new ConfigPaths();

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "The cluster profile to launch on (default: job_config's \"cluster\").")
    String cluster;

    @Option(names = "--clusters-file", paramLabel = "FILE",
            description = "Cluster profiles file (default: ~/.config/hpsearch/clusters.json).")
    Path clustersFile;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "The self-contained hpsearch jar to run on the cluster (default: the jar this hpsearch runs from).")
    Path jar;

    /** The profile file {@code launch} leaves in a project folder on the cluster, for the coordinator and resume. */
    static Path launchedProfiles(Path projectFolder) {
        return projectFolder.resolve(RemoteProject.HIDDEN).resolve("clusters.json");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Configs configs;
        try {
            configs = new ConfigLoader().load(paths.search, paths.job, paths.model);
        } catch (ConfigException e) {
            return Console.configError(err, e);
        }
        Console.problems(err, configs.warnings());
        String where = cluster != null ? cluster : configs.job().cluster();
        if (Executors.isLocal(where)) {
            err.println("error: launch runs the search on a cluster: give --cluster NAME or set \"cluster\" in "
                    + paths.job + " (for this machine use hpsearch run)");
            return ExitCodes.CONFIG;
        }
        ClusterProfile profile;
        try {
            profile = Executors.profiles(clustersFile).require(where);
        } catch (ClusterProfileException e) {
            err.println("error: " + (cluster != null ? "--cluster" : paths.job + ": $.cluster") + ": " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        Path project = configs.projectFolder();
        Path script = CommandLine.script(configs.job(), project);
        boolean uploadScript = RemoteProject.inside(project, script);
        if (uploadScript && !Files.isRegularFile(script)) {
            err.println("error: " + paths.job + ": $.script_path: no such file: " + script
                    + " (relative paths are taken from the folder of job_config.json)");
            return ExitCodes.CONFIG;
        }
        Path jarFile;
        try {
            jarFile = selfContainedJar();
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }

        try (SshSession ssh = SshSession.open(profile.target(), SshSettings.defaults(), new TerminalPrompts(err))) {
            RemoteProject remote = RemoteProject.of(ssh, profile, project);
            String remoteJar = remote.uploadJar(jarFile);
            int searchId = remote.claimSearchId();
            String searchFolder = remote.searchFolder(searchId);
            // configs outside the project folder go beside the search, under a name of their own
            String hidden = remote.folder + "/" + RemoteProject.HIDDEN + "/hp_search_" + searchId;
            List<String> remoteConfigs = new ArrayList<>();
            for (Path c : List.of(paths.search, paths.job, paths.model)) {
                String to = RemoteProject.inside(project, c) ? remote.place(project, c) : hidden + "/" + c.getFileName();
                remote.upload(c, to);
                remoteConfigs.add(to);
            }
            if (uploadScript) {
                remote.upload(script, remote.place(project, script));
            }
            String profiles = remote.folder + "/" + RemoteProject.HIDDEN + "/clusters.json";
            ssh.mkdirs(hidden);
            ssh.upload(RemoteProject.profileFile(profile, remote.root), profiles);

            List<String> args = List.of("run", "--quiet", "--on-cluster", "--cluster", profile.name(),
                    "--clusters-file", profiles, "--search_id", Integer.toString(searchId),
                    "--search_config_path", remoteConfigs.get(0), "--job_config_path", remoteConfigs.get(1),
                    "--model_config_path", remoteConfigs.get(2));
            String log = remote.folder + "/hp_search_" + searchId + ".coordinator.log";
            CoordinatorJob job = new CoordinatorJob(configs.search().searchEnvironmentPath(), remoteJar, args,
                    configs.search().searchMemoryGb(),
                    Duration.ofSeconds(Math.round(configs.search().searchTimeHours() * 3600)), profile,
                    remote.folder, log);
            String jobScript = hidden + "/coordinator.sh";
            ssh.upload(job.script().getBytes(StandardCharsets.UTF_8), jobScript);
            String submit = job.submitCommand(jobScript);
            CommandResult r = ssh.exec(submit, SUBMIT_TIMEOUT);
            String jobId = r.ok() ? CoordinatorJob.parseJobId(r.stdout()) : null;
            if (jobId == null) {
                err.println("error: the cluster refused the coordinator job " + r.describe()
                        + (r.ok() ? " (no job id in: " + r.stdout().strip() + ")" : ""));
                return ExitCodes.FAILURE;
            }
            LaunchRecords.append(project, new LaunchRecords.Launch(jobId, Path.of(remote.folder), Path.of(searchFolder),
                    searchId, Path.of(searchFolder, "log.txt"), Path.of(remoteConfigs.get(0)),
                    Path.of(remoteConfigs.get(1)), Path.of(remoteConfigs.get(2)), ShellQuote.display(job.javaCommand()),
                    ShellQuote.display(job.sbatchArgs(jobScript))));
            out.println("Submitted coordinator job " + jobId + " on " + profile.name() + " (" + ssh.host() + ")");
            out.println("Search folder on the cluster: " + searchFolder);
            out.println("Coordinator output: " + log);
            out.println("Recorded in: " + project.resolve(LaunchRecords.FILE_NAME));
            out.println("Watch it with: hpsearch status --cluster " + profile.name()
                    + (clustersFile != null ? " --clusters-file " + clustersFile : "") + " " + project);
            out.flush();
            return ExitCodes.OK;
        } catch (SshBridgeException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** The jar to upload: {@code --jar}, else the one this class was loaded from; it must hold every dependency. */
    private Path selfContainedJar() throws IOException {
        Path file = jar;
        if (file == null) {
            try {
                file = Path.of(LaunchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
