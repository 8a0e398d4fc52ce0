package dev.hpsearch.app.gui;

import dev.hpsearch.app.gui.cluster.ClusterService;
import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.job.TestRunService;
import dev.hpsearch.app.gui.model.ModelValidator;
import dev.hpsearch.app.gui.run.SearchLauncher;
import dev.hpsearch.app.gui.start.RecentProjects;

/**
 * The services the views and view-models use, built once by the composition root ({@link HpSearchApp}) or
 * by a test.
 */
public record AppServices(TaskRunner tasks, DialogService dialogs, RecentProjects recent, ClusterService cluster,
                          SearchLauncher launcher, ModelValidator modelValidator, TestRunService testRuns) {
}
