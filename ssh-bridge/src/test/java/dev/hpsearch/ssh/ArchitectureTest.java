package dev.hpsearch.ssh;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** ssh-bridge's parts: transport knows neither Slurm nor profiles; no cycles between the parts. */
@AnalyzeClasses(packages = "dev.hpsearch.ssh", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule transportKnowsNoSlurmNorProfiles = noClasses()
            .that().resideInAPackage("..ssh.transport..")
            .should().dependOnClassesThat().resideInAnyPackage("..ssh.slurm..", "..ssh.profile..")
            .because("the SSH session, shells and copies serve any remote command, not only Slurm's");

    @ArchTest
    static final ArchRule profilesDoNotRunSlurm = noClasses()
            .that().resideInAPackage("..ssh.profile..")
            .should().dependOnClassesThat().resideInAPackage("..ssh.slurm..")
            .because("a cluster profile says where and how to reach a cluster; the Slurm executor uses it");

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("ssh-bridge asks through SshPrompts; the desktop app answers");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.hpsearch.ssh.(*)..").should().beFreeOfCycles();
}
