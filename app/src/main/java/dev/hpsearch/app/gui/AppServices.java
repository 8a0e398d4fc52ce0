package dev.hpsearch.app.gui;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.job.TestRunService;
import dev.hpsearch.app.gui.model.ModelValidator;
import dev.hpsearch.app.gui.run.SearchLauncher;
import dev.hpsearch.app.gui.start.RecentProjects;
import dev.hpsearch.app.service.ClusterService;
import dev.hpsearch.app.service.ConnectionPrompts;
import dev.hpsearch.ssh.transport.SshPrompts;

/**
 * The services the views and view-models use, built once by the composition root ({@link HpSearchApp}) or
 * by a test.
 *
 * @param sshPrompts the questions connecting to a cluster asks (host keys, passphrases, passwords); the desktop
 *                   app's show dialogs
 */
public record AppServices(TaskRunner tasks, DialogService dialogs, RecentProjects recent, ClusterService cluster,
                          SearchLauncher launcher, ModelValidator modelValidator, TestRunService testRuns,
                          ConnectionPrompts sshPrompts) {

    /** Services that cannot answer SSH's questions: unknown host keys are refused, no secret is given. */
    public AppServices(TaskRunner tasks, DialogService dialogs, RecentProjects recent, ClusterService cluster,
                       SearchLauncher launcher, ModelValidator modelValidator, TestRunService testRuns) {
        this(tasks, dialogs, recent, cluster, launcher, modelValidator, testRuns, ConnectionPrompts.nonInteractive());
    }
}
