package dev.hpsearch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Top-level command: shows help when called without a subcommand. */
@Command(name = "hpsearch", mixinStandardHelpOptions = true, version = "hpsearch 0.1.0",
        description = "Hyperparameter search for any analysis script that reads input.json and writes output.json.",
        subcommands = {RunCommand.class, LaunchCommand.class, ValidateCommand.class, StatusCommand.class, StopCommand.class,
                ResumeCommand.class, GuiCommand.class})
public final class HpSearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
