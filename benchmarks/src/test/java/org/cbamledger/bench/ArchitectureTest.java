package org.cbamledger.bench;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The load generator and the plant's year stay apart: neither package reaches back into the other. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.cbamledger.bench");

    /** Every package is a slice, the root one included. */
    @Test
    void benchmarks_packagesAreFreeOfCycles() {
        slices().matching("org.cbamledger.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
