package dev.hpsearch.app.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.CommandLine;
import dev.hpsearch.optimizer.exec.ExecutorException;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.slurm.SlurmExecutor;
import dev.hpsearch.ssh.transport.ClusterShell;
import dev.hpsearch.ssh.transport.CommandResult;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks, over one SSH command, what a search on a cluster needs there (the path rule of
 * docs/decisions/0009-two-places-two-paths.md):
 * <ul>
 *   <li>the script: found on this machine it is uploaded; otherwise it must exist on the cluster (relative paths
 *       from the cluster's project folder);</li>
 *   <li>the interpreter ({@code environment_path}): always the cluster's, a program on its PATH or an executable
 *       file there (not a folder);</li>
 *   <li>model_config constants that name a file on this machine: passed unchanged, so they must name a file on the
 *       cluster too; a warning says how to get it there when they don't.</li>
 * </ul>
 */
public final class ClusterPreflight {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ClusterPreflight() {
    }

    /** What a path on the cluster must be. */
    private enum Need { PROGRAM_ON_PATH, EXECUTABLE_FILE, FILE, FILE_OR_FOLDER }

    /** One path to look at on the cluster, and what to say when it is not what is needed. */
    private record Check(String remotePath, Need need, Problem ifMissing) {
    }

    private interface Problem {
        ConfigProblem of(String found);
    }

    /**
     * A {@code time} or {@code memory} beyond the limits of the partition the runs go to, read from the cluster
     * ({@code scontrol}): errors naming the limit, so that nothing is submitted that sbatch would refuse or leave
     * pending for ever.
     */
    public static List<ConfigProblem> limits(SlurmExecutor slurm, Configs configs) throws SshBridgeException {
        List<ConfigProblem> problems = new ArrayList<>();
        try {
            slurm.beyondLimits(configs.job()).forEach((key, why) -> problems.add(new ConfigProblem(
                    ConfigProblem.Severity.ERROR, configs.jobPath().toString(), "$." + key, why)));
        } catch (ExecutorException e) {
            throw new SshBridgeException("cannot read the cluster's limits: " + e.getMessage(), e);
        }
        return problems;
    }

    /**
     * @param remoteProject the project folder on the cluster (absolute)
     */
    public static List<ConfigProblem> check(ClusterShell shell, ClusterProfile profile, Configs configs,
                                            String remoteProject) throws SshBridgeException {
        Path project = configs.projectFolder();
        String jobFile = configs.jobPath().toString();
        String where = "cluster " + profile.name() + " (" + shell.host() + ")";
        List<Check> checks = new ArrayList<>();

        String scriptWritten = configs.job().scriptPath();
        Path localScript = CommandLine.script(configs.job(), project);
        if (!Files.isRegularFile(localScript)) {
            String remote = onCluster(scriptWritten, remoteProject);
            checks.add(new Check(remote, Need.FILE, found -> new ConfigProblem(ConfigProblem.Severity.ERROR, jobFile,
                    "$.script_path", "got \"" + scriptWritten + "\"; no such file on this machine (" + localScript
                    + ") nor on " + where + " (" + remote + (found.isEmpty() ? "" : ": " + found) + ")")));
        }

        String env = configs.job().environmentPath().trim();
        String interpreter = CommandLine.interpreter(env, project).get(0);
        boolean isPath = env.contains("/") && (!env.contains(" ") || Files.exists(project.resolve(env)));
        String program = isPath ? mapped(project, Path.of(interpreter), remoteProject, env) : interpreter;
        checks.add(new Check(program, isPath ? Need.EXECUTABLE_FILE : Need.PROGRAM_ON_PATH, found -> new ConfigProblem(ConfigProblem.Severity.ERROR, jobFile,
                "$.environment_path", "got \"" + env + "\"; on " + where + ", " + program
                + (found.isEmpty() ? " is not a program on PATH nor an executable file" : " is " + found)
                + (profile.setupLines().isEmpty() ? "" : " (after the profile's setup lines)")
                + "; the interpreter always runs on the cluster")));

        String modelFile = configs.modelPath().toString();
        constants(configs.model().template(), "$", (jsonPath, value) -> {
            Path local = localFile(project, value);
            if (local == null) {
                return;
            }
            boolean relative = !Path.of(value).isAbsolute();
            String remote = relative ? remoteProject + "/" + value : value;
            String rel = local.startsWith(project) ? project.relativize(local).toString() : null;
            checks.add(new Check(remote, Need.FILE_OR_FOLDER, found -> new ConfigProblem(ConfigProblem.Severity.WARNING, modelFile,
                    jsonPath, "\"" + value + "\" is a file on this machine but not on " + where + " (" + remote
                    + "), and constants reach the script unchanged. "
                    + (rel != null ? "Add \"" + rel + "\" to \"upload\" in job_config.json (it goes to "
                    + remoteProject + "/" + rel + (relative ? "" : ", so give that path here") + ")"
                    : "Copy it to the cluster") + ", or give a path on the cluster.")));
        });
        return run(shell, profile, checks);
    }

    /** Asks the cluster about every check in one command and turns the answers into problems. */
    private static List<ConfigProblem> run(ClusterShell shell, ClusterProfile profile, List<Check> checks)
            throws SshBridgeException {
        StringBuilder cmd = new StringBuilder();
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            String p = ShellQuote.quote(c.remotePath());
            if (c.need() == Need.PROGRAM_ON_PATH) {
                cmd.append("if command -v ").append(p).append(" >/dev/null 2>&1; then echo ").append(i).append(":ok; fi\n");
            } else {
                // answers: dir, file, or filex (an executable file)
                cmd.append("if test -d ").append(p).append("; then echo ").append(i).append(":dir; ")
                        .append("elif test -f ").append(p).append("; then echo ").append(i).append(":file")
                        .append("$(test -x ").append(p).append(" && echo x); fi\n");
            }
        }
        CommandResult r = shell.exec(profile.withSetup(cmd.toString()), TIMEOUT);
        String[] answers = new String[checks.size()];
        for (String line : r.stdout().split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                try {
                    answers[Integer.parseInt(line.substring(0, colon).strip())] = line.substring(colon + 1).strip();
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    // a setup line's own output: not an answer
                }
            }
        }
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            String a = answers[i];
            boolean ok;
            switch (c.need()) {
                case PROGRAM_ON_PATH:
                    ok = "ok".equals(a);
                    break;
                case EXECUTABLE_FILE:
                    ok = "filex".equals(a);
                    break;
                case FILE_OR_FOLDER:
                    ok = a != null;
                    break;
                default:
                    ok = "file".equals(a) || "filex".equals(a);
                    break;
            }
            if (ok) {
                continue;
            }
            String found = a == null ? "" : a.equals("dir") ? "a folder" : a.equals("file") ? "a file that is not executable" : "";
            problems.add(c.ifMissing().of(found));
        }
        return problems;
    }

    /** The cluster's path for a path written in a config: relative ones from the cluster's project folder. */
    private static String onCluster(String written, String remoteProject) {
        return written.startsWith("/") ? written : remoteProject + "/" + written;
    }

    private static String mapped(Path project, Path local, String remoteProject, String written) {
        Path abs = local.toAbsolutePath().normalize();
        if (abs.startsWith(project)) {
            StringBuilder sb = new StringBuilder(remoteProject);
            for (Path part : project.relativize(abs)) {
                sb.append('/').append(part);
            }
            return sb.toString();
        }
        return onCluster(written, remoteProject);
    }

    /** A constant naming a file that exists here (absolute, or relative to the project folder), else null. */
    private static Path localFile(Path project, String value) {
        if (value.isBlank() || value.length() > 4096 || !(value.contains("/") || value.contains("."))) {
            return null;
        }
        try {
            Path p = Path.of(value);
            Path local = p.isAbsolute() ? p : project.resolve(p).normalize();
            return Files.isRegularFile(local) || Files.isDirectory(local) && p.isAbsolute() ? local : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private interface ConstantVisitor {
        void visit(String jsonPath, String value);
    }

    /** Every string constant of a model config (hyperparameter objects are skipped). */
    private static void constants(JsonNode node, String jsonPath, ConstantVisitor visitor) {
        if (node.isObject()) {
            if (node.has("type") && node.has("domain")) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (jsonPath.equals("$") && e.getKey().equals("save_folder")) {
                    continue;
                }
                constants(e.getValue(), jsonPath + "." + e.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                constants(node.get(i), jsonPath + "[" + i + "]", visitor);
            }
        } else if (node.isTextual()) {
            visitor.visit(jsonPath, node.asText());
        }
    }
}
