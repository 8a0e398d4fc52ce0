package dev.hpsearch.app.remote;

import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.CommandLine;
import dev.hpsearch.optimizer.engine.DataTable;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.JournalCodec;
import dev.hpsearch.optimizer.engine.JournalEvent;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.SshSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Hands a search from the laptop to a detached coordinator on the cluster and back (decision 0016). Only the
 * search's own files travel (configs, journal, search.json, hp_search_data.txt, log.txt): the combination folders
 * are on the cluster already, where the analyses ran in either case (decision 0009). The journal holds no paths,
 * so it travels unchanged; search.json is written anew for the side that takes over (its project folder; the
 * coordinator's placement).
 */
public final class HandOver {
    /** The files that travel, the journal last so that it is never older than the rest. */
    private static final List<String> FILES = List.of(SearchFiles.SEARCH_CONFIG, SearchFiles.JOB_CONFIG,
            SearchFiles.MODEL_CONFIG, DataTable.FILE_NAME, "log.txt", Journal.FILE_NAME);

    private HandOver() {
    }

    /**
     * Hands a search started on the laptop (over SSH on {@code profile}) to a coordinator job on the cluster: uploads
     * its files into its search folder there, submits the coordinator with {@code resume}, and records in the local
     * journal that the search went on there.
     *
     * @param localSearch the local {@code hp_search_N} folder; no coordinator may run it here
     * @throws IOException saying what is wrong (another cluster, a coordinator running here, a remote step failing)
     */
    public static DetachedLaunch.Submitted toCluster(SshSession ssh, ClusterProfile profile, Path localSearch, Path jar)
            throws IOException, ConfigException {
        Path dir = localSearch.toAbsolutePath().normalize();
        Path project = dir.getParent();
        String ranOn = SearchFiles.cluster(dir);
        if (!profile.name().equals(ranOn)) {
            throw new IOException(dir + " ran on " + ranOn + " (its " + SearchFiles.META + "), not on " + profile.name()
                    + ": only a search whose analyses ran on that cluster can go on there");
        }
        if (SearchFiles.coordinatorRunning(dir)) {
            throw new IOException(dir + " is being run by a coordinator on this machine; stop it first (Ctrl-C or the"
                    + " dashboard's Stop), then hand it over");
        }
        Configs configs = SearchFiles.load(dir);
        RemoteProject remote = RemoteProject.of(ssh, profile, project);
        int searchId = SearchFolder.searchId(dir);
        String searchFolder = remote.searchFolder(searchId);
        ssh.mkdirs(searchFolder);
        ssh.upload(SearchFiles.handedOverMeta(searchId, remote.folder(), profile.name(), true),
                searchFolder + "/" + SearchFiles.META);
        for (String f : FILES) {
            if (Files.isRegularFile(dir.resolve(f))) {
                ssh.upload(dir.resolve(f), searchFolder + "/" + f);
            }
        }
        Path script = CommandLine.script(configs.job(), project);
        if (RemoteProject.inside(project, script) && Files.isRegularFile(script)) {
            remote.upload(script, remote.place(project, script));
        }
        DetachedLaunch.Submitted s = DetachedLaunch.resume(ssh, profile, configs, searchFolder, jar, project);
        // this folder is no longer the truth: a resume here would run the search twice
        Files.writeString(dir.resolve(Journal.FILE_NAME), stopEvent("handed over to a coordinator on " + profile.name()
                + " (job " + s.jobId() + ", " + searchFolder + "); follow it with hpsearch status --cluster "
                + profile.name() + " " + project), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return s;
    }

    /**
     * Copies a detached search (its coordinator stopped) into the local project, as a search this machine runs over
     * SSH on {@code profile}. A local folder of that name must be absent, or hold the same search (same start).
     *
     * @return the local search folder
     */
    public static Path toLaptop(SshSession ssh, ClusterProfile profile, String searchFolder, Path localProject)
            throws IOException {
        String name = searchFolder.substring(searchFolder.lastIndexOf('/') + 1);
        Path dir = localProject.toAbsolutePath().normalize().resolve(name);
        String remoteJournal = new String(ssh.read(searchFolder + "/" + Journal.FILE_NAME), StandardCharsets.UTF_8);
        if (Files.isRegularFile(dir.resolve(Journal.FILE_NAME))) {
            String local = Files.readString(dir.resolve(Journal.FILE_NAME), StandardCharsets.UTF_8);
            if (!firstLine(local).equals(firstLine(remoteJournal))) {
                throw new IOException(dir + " holds another search than " + searchFolder + " on " + profile.name()
                        + " (their journals start differently); move it away to take this one over");
            }
            if (SearchFiles.coordinatorRunning(dir)) {
                throw new IOException(dir + " is being run by a coordinator on this machine");
            }
        } else if (notEmpty(dir)) {
            throw new IOException(dir + " exists and is not that search; move it away to take " + searchFolder
                    + " over");
        }
        Files.createDirectories(dir);
        for (String f : FILES) {
            String from = searchFolder + "/" + f;
            if (ssh.exists(from)) {
                ssh.download(from, dir.resolve(f));
            }
        }
        // results of runs still going are copied into their combination folders when they end
        for (TrialRecord t : SearchState.replay(Journal.read(dir)).trials()) {
            Files.createDirectories(SearchFolder.combinationDir(dir, t.id()));
        }
        Files.write(dir.resolve(SearchFiles.META), SearchFiles.handedOverMeta(SearchFolder.searchId(dir),
                localProject.toAbsolutePath().normalize().toString(), profile.name(), false));
        return dir;
    }

    private static boolean notEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    private static String stopEvent(String reason) {
        return JournalCodec.encode(new JournalEvent.Stop(System.currentTimeMillis(), reason)) + "\n";
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

}
