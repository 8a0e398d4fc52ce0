package dev.hpsearch.app.cli;

import dev.hpsearch.app.gui.GuiLauncher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hpsearch gui}: the desktop app. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Opens the desktop app: project forms, launching and monitoring searches, and result plots."})
final class GuiCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PROJECT_FOLDER", description = "A project folder to open directly.")
    Path project;

    @Override
    public Integer call() {
        GuiLauncher.launch(project);
        return ExitCodes.OK;
    }
}
