package org.cbamledger.signer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void signer_neverDependsOnMicronautOrTheService() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cbamledger.signer");
        noClasses().that().resideInAPackage("org.cbamledger.signer..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.cbamledger.service..")
                .check(classes);
    }
}
