package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.DetachedLaunch;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.app.remote.SearchMirror;
import dev.hpsearch.app.remote.StopRequest;
import dev.hpsearch.app.service.ConfigFiles;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.RunningSearch;
import dev.hpsearch.app.service.SearchEvents;
import dev.hpsearch.app.service.SearchService;
import dev.hpsearch.app.service.UserFacingException;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.optimizer.engine.Preflight;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.SearchEngine;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.SearchSummary;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.strategy.Strategies;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.slurm.SlurmJobState;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.SshSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The Run tab's launcher: the run service, fed a project's three config files. */
public final class EngineSearchLauncher implements SearchLauncher {
    private final SearchService service;

    public EngineSearchLauncher(SearchService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** Searches on this machine only. */
    public static EngineSearchLauncher localOnly() {
        return new EngineSearchLauncher(SearchService.localOnly());
    }

    private static ConfigFiles files(Project project) {
        return new ConfigFiles(project.searchConfig(), project.jobConfig(), project.modelConfig());
    }

    @Override
    public RunningSearch start(Project project, Optional<RunTarget> target, SearchEvents events)
            throws UserFacingException {
        return service.run(files(project), target, events);
    }

    @Override
    public RunningSearch resume(Path searchDir, SearchEvents events) throws UserFacingException {
        return service.resume(searchDir, events);
    }

    @Override
    public RunningSearch replicate(Path searchDir, List<Integer> ids, int runs, SearchEvents events)
            throws UserFacingException {
        return service.replicateOf(searchDir, ids, runs, events);
    }

    @Override
    public RunningSearch attach(Path searchDir, SearchEvents events) throws UserFacingException {
        return service.attach(searchDir, events);
    }

    @Override
    public String launchDetached(Project project, Optional<RunTarget> target) throws UserFacingException {
        return service.launchDetached(files(project), target);
    }

    @Override
    public RunningSearch followDetached(Project project, Optional<RunTarget> target, SearchEvents events)
            throws UserFacingException {
        return service.follow(files(project), target, events);
    }
}
