package dev.hpsearch.optimizer;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The optimizer's package rules: the math does no I/O, analysis reads results only, no cycles. */
@AnalyzeClasses(packages = "dev.hpsearch.optimizer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Files, network and processes: what a pure computation must not reach. */
    static final DescribedPredicate<JavaClass> IO = resideInAnyPackage("java.nio.file..", "java.net..")
            .or(resideInAnyPackage("java.io").and(simpleNameStartingWith("File")))
            .or(name(ProcessBuilder.class.getName())).or(name(Process.class.getName()))
            .as("are files, network or processes");

    @ArchTest
    static final ArchRule mathDoesNoIo = noClasses()
            .that().resideInAnyPackage("..optimizer.gp..", "..optimizer.space..", "..optimizer.strategy..",
                    "..optimizer.prune..", "..optimizer.pareto..")
            .should().dependOnClassesThat(IO)
            .because("strategies, pruners, the search space and the GP are pure: given their inputs and a seeded generator they "
                    + "compute, so they are tested and benchmarked without files or processes");

    @ArchTest
    static final ArchRule analysisReadsResultsNotTheEngine = noClasses()
            .that().resideInAPackage("..optimizer.analysis..")
            .should().dependOnClassesThat().resideInAPackage("..optimizer.engine..")
            .because("plots and analyses take the table of results, so they work on a finished search, a running "
                    + "one or an old hp_search_data.txt alike");

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the optimizer knows nothing of the desktop app");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.hpsearch.optimizer.(*)..").should().beFreeOfCycles();
}
