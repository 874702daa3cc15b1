package org.cbamledger.calculation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The calculation is plain Java: the service and the verifier call it, it calls neither, nor any framework. */
class ArchitectureTest {
    private static final JavaClasses CALCULATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.cbamledger.calculation");

    @Test
    void calculation_neverDependsOnMicronaut() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.micronaut..").check(CALCULATION);
    }

    @Test
    void calculation_neverDependsOnTheServiceOrTheVerifier() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.cbamledger.service..", "org.cbamledger.verifier..")
                .check(CALCULATION);
    }
}
