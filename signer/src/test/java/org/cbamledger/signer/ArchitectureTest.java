package org.cbamledger.signer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses SIGNER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cbamledger.signer");

    @Test
    void signer_neverDependsOnMicronautOrTheService() {
        noClasses().that().resideInAPackage("org.cbamledger.signer..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.cbamledger.service..")
                .check(SIGNER);
    }

    /** Every package is a slice, the root one included: map and index build on the root's hashes, never back. */
    @Test
    void signer_packagesAreFreeOfCycles() {
        slices().matching("org.cbamledger.(**)").should().beFreeOfCycles().check(SIGNER);
    }
}
