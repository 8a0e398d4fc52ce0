package dev.hpsearch.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The app's package rules: the GUI reaches ssh-bridge only through app services; no cycles. */
@AnalyzeClasses(packages = "dev.hpsearch.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule guiReachesSshOnlyThroughServices = noClasses()
            .that().resideInAPackage("dev.hpsearch.app.gui..")
            .should().dependOnClassesThat().resideInAPackage("dev.hpsearch.ssh..")
            .because("views and view-models call app services; sessions, Slurm and profiles stay behind them");

    @ArchTest
    static final ArchRule theCommandLineOnlyStartsTheGui = noClasses()
            .that().resideInAPackage("dev.hpsearch.app.cli..").and().doNotHaveSimpleName("GuiCommand")
            .and().doNotHaveSimpleName("ReportCommand")
            .should().dependOnClassesThat().resideInAPackage("dev.hpsearch.app.gui..")
            .because("the command line and the desktop app are two faces of the same services; only `hpsearch gui` "
                    + "starts the other, and `hpsearch report` draws with the GUI's plots (so that the report and the"
                    + " app show the same drawing) without starting a toolkit");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.hpsearch.app.(*)..").should().beFreeOfCycles();
}
