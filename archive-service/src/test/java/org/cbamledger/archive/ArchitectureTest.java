package org.cbamledger.archive;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The document archive is one package today; a package split off later must not form a cycle. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.cbamledger.archive");

    /** Every package is a slice, the root one included. */
    @Test
    void archive_packagesAreFreeOfCycles() {
        slices().matching("org.cbamledger.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
