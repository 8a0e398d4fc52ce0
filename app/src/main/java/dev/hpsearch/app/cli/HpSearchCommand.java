package dev.hpsearch.app.cli;

import dev.hpsearch.optimizer.engine.HpSearchVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Top-level command: shows help when called without a subcommand. */
@Command(name = "hpsearch", mixinStandardHelpOptions = true, versionProvider = HpSearchCommand.Version.class,
        description = "Hyperparameter search for any analysis script that reads input.json and writes output.json.",
        subcommands = {RunCommand.class, LaunchCommand.class, ValidateCommand.class, StatusCommand.class, StopCommand.class,
                ResumeCommand.class, GuiCommand.class, SensitivityCommand.class, ChooseCommand.class,
                ReportCommand.class, ReplicateCommand.class})
public final class HpSearchCommand implements Callable<Integer> {
    /** {@code --version}: the build's version, from the one place it is kept ({@link HpSearchVersion}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hpsearch " + HpSearchVersion.current()};
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
