package org.cbamledger.calculation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
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

    @Test
    void calculation_subpackagesAreFreeOfCycles() {
        slices().matching("org.cbamledger.calculation.(*)..").should().beFreeOfCycles().check(CALCULATION);
    }

    /** The root package (the calculator) counts as a slice too: shared types live in core, not beside the calculator. */
    @Test
    void calculation_packagesWithTheRootAreFreeOfCycles() {
        slices().assignedFrom(new TopLevelPackages()).should().beFreeOfCycles().check(CALCULATION);
    }

    private static final class TopLevelPackages implements SliceAssignment {
        private static final String ROOT = "org.cbamledger.calculation";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            return name.startsWith(ROOT + ".") ? SliceIdentifier.of(name.substring(ROOT.length() + 1).split("\\.")[0])
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the top-level packages of the calculation, the root package included";
        }
    }
}
