package org.cbamledger.witness;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The witness and its time-stamp authority depend on each other in one direction only. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.cbamledger.witness");

    /** Every package is a slice, the root one included. */
    @Test
    void witness_packagesAreFreeOfCycles() {
        slices().matching("org.cbamledger.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
