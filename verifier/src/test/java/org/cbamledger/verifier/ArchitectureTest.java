package org.cbamledger.verifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The offline verifier trusts nothing the server computed: it never reaches into the service or Micronaut. */
class ArchitectureTest {
    private static final JavaClasses VERIFIER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cbamledger.verifier");

    @Test
    void verifier_dependsNeitherOnTheServiceNorOnMicronaut() {
        noClasses().that().resideInAPackage("org.cbamledger.verifier..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.cbamledger.service..")
                .check(VERIFIER);
    }

    /**
     * Every package is a slice, the root one included: the entry points (Verifier, VerifyCommand) sit on top, the
     * checks below them, and what the checks share (the context package) below the checks, never beside the entry
     * points.
     */
    @Test
    void verifier_packagesAreFreeOfCycles() {
        slices().matching("org.cbamledger.(**)").should().beFreeOfCycles().check(VERIFIER);
    }

    @Test
    void verifier_classesAreImported() {
        org.junit.jupiter.api.Assertions.assertTrue(VERIFIER.contain(Verifier.class));
        org.junit.jupiter.api.Assertions.assertTrue(VERIFIER.size() > 20);
    }
}
