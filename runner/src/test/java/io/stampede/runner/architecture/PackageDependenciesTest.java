package io.stampede.runner.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data flows one way (spec → model → scenario → engine → stats → merge → reports), so the runner's packages depend
 * on each other without cycles. Read from the compiled main classes, so a fully qualified name in code counts as
 * much as an import. Each Java package is its own node: {@code cluster.master} and {@code cluster.protocol} may not
 * depend on each other both ways either.
 */
class PackageDependenciesTest {

    private static final String ROOT = "io.stampede.runner";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Every class in the slice of its own package. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith(ROOT)
                    ? SliceIdentifier.of(javaClass.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of " + ROOT;
        }
    };

    @Test
    void importsTheRunnersClasses() {
        // Guards the checks below against passing on nothing.
        assertThat(MAIN.containPackage(ROOT + ".cli")).isTrue();
        assertThat(MAIN.containPackage(ROOT + ".engine")).isTrue();
        assertThat(MAIN.size()).isGreaterThan(100);
    }

    @Test
    void packagesHaveNoCycles() {
        EvaluationResult result = slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().evaluate(MAIN);

        assertThat(result.hasViolation()).as(String.join("\n", result.getFailureReport().getDetails())).isFalse();
    }

    @Test
    void onlyTheCommandLineDependsOnTheCommandLineAndNothingBelowRunsDependsOnRun() {
        EvaluationResult cli = noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".cli..").evaluate(MAIN);
        EvaluationResult run = noClasses().that().resideOutsideOfPackages(ROOT + ".cli..", ROOT + ".run..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".run..").evaluate(MAIN);

        assertThat(cli.hasViolation()).as(String.join("\n", cli.getFailureReport().getDetails())).isFalse();
        assertThat(run.hasViolation()).as(String.join("\n", run.getFailureReport().getDetails())).isFalse();
    }

    @Test
    void aVirtualUserDoesNotReachIntoTheLoopThatOwnsIt() {
        EvaluationResult result = noClasses().that().haveFullyQualifiedName(ROOT + ".engine.VirtualUser")
                .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".engine.LoopWorker").evaluate(MAIN);

        assertThat(result.hasViolation()).as(String.join("\n", result.getFailureReport().getDetails())).isFalse();
    }
}
