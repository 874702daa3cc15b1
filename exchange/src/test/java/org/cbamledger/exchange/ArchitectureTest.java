package org.cbamledger.exchange;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Formats for importers' tools, read from statements: plain Java, no framework, no service, no cycles. */
class ArchitectureTest {
    private static final JavaClasses EXCHANGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.cbamledger.exchange");

    @Test
    void exchange_neverDependsOnTheServiceTheVerifierOrMicronaut() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.cbamledger.service..", "org.cbamledger.verifier..", "io.micronaut..")
                .check(EXCHANGE);
    }

    @Test
    void exchangePackages_areFreeOfCycles() {
        slices().matching("org.cbamledger.exchange.(*)..").should().beFreeOfCycles().check(EXCHANGE);
    }
}
