package org.cbamledger.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.ServerFilter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Micronaut only at the edges: the write path, stores, auth and bundle export are plain Java. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cbamledger.service");

    @Test
    void domainPackages_doNotDependOnMicronaut() {
        noClasses().that().resideInAnyPackage("org.cbamledger.service.log..", "org.cbamledger.service.store..",
                        "org.cbamledger.service.tiles..", "org.cbamledger.service.problem..",
                        "org.cbamledger.service.db..", "org.cbamledger.service.auth..", "org.cbamledger.service.bundle..",
                        "org.cbamledger.service.statement..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..")
                .check(classes);
    }

    @Test
    void domainPackages_doNotDependOnTheHttpEdge() {
        noClasses().that().resideInAnyPackage("org.cbamledger.service.log..", "org.cbamledger.service.store..",
                        "org.cbamledger.service.tiles..", "org.cbamledger.service.problem..",
                        "org.cbamledger.service.db..", "org.cbamledger.service.auth..", "org.cbamledger.service.bundle..",
                        "org.cbamledger.service.statement..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cbamledger.service.http..",
                        "org.cbamledger.service.config..", "org.cbamledger.service.demo..")
                .check(classes);
    }

    /** Issue 17: the edge (filters, problem mapping) is below the controllers, never the other way round. */
    @Test
    void httpEdge_doesNotDependOnTheControllersAbove() {
        noClasses().that().resideInAnyPackage("org.cbamledger.service.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cbamledger.service.web..",
                        "org.cbamledger.service.room..", "org.cbamledger.service.documents..",
                        "org.cbamledger.service.importer..")
                .check(classes);
    }

    /**
     * Issue 17 item 4: a room's scope (its definition, the rule engine and the room index it reads) is plain Java
     * below the room's routes and access log, and the room below the web view.
     */
    @Test
    void roomScope_isBelowTheRoomsRoutes_andTheRoomBelowTheWebView() {
        noClasses().that().resideInAPackage("org.cbamledger.service.room.scope..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.cbamledger.service.room",
                        "org.cbamledger.service.http..", "org.cbamledger.service.web..", "org.cbamledger.service.config..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.cbamledger.service.room..", "org.cbamledger.service.index..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cbamledger.service.web..")
                .check(classes);
    }

    /**
     * Issue 17 item 1: the features over the log (rooms, the web view, documents, the importer's view, deployment
     * claims) are leaves: the log, its stores and the services beside it never reach up into one of them, and the
     * documents, claims and importer packages reach neither into a room nor into the web view.
     */
    @Test
    void features_areAboveTheLog_andDocumentsClaimsImporterBelowRoomsAndTheWebView() {
        noClasses().that().resideInAnyPackage("org.cbamledger.service.log..", "org.cbamledger.service.store..",
                        "org.cbamledger.service.tiles..", "org.cbamledger.service.problem..",
                        "org.cbamledger.service.db..", "org.cbamledger.service.auth..", "org.cbamledger.service.statement..",
                        "org.cbamledger.service.index..", "org.cbamledger.service.lease..",
                        "org.cbamledger.service.witness..", "org.cbamledger.service.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cbamledger.service.room..",
                        "org.cbamledger.service.web..", "org.cbamledger.service.documents..",
                        "org.cbamledger.service.importer..", "org.cbamledger.service.claims..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.cbamledger.service.documents..", "org.cbamledger.service.claims..",
                        "org.cbamledger.service.importer..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cbamledger.service.room..",
                        "org.cbamledger.service.web..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.cbamledger.service.documents..", "org.cbamledger.service.claims..")
                .should().dependOnClassesThat().resideInAnyPackage("org.cbamledger.service.importer..")
                .check(classes);
    }

    /**
     * Issue 17 item 4: the log's stores, its tiles and its error enum sit below the write path: none reaches into it.
     */
    @Test
    void storesTilesAndProblems_areBelowTheWritePath() {
        noClasses().that().resideInAnyPackage("org.cbamledger.service.store..", "org.cbamledger.service.tiles..",
                        "org.cbamledger.service.problem..")
                .should().dependOnClassesThat().resideInAPackage("org.cbamledger.service.log..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.cbamledger.service.store..", "org.cbamledger.service.problem..")
                .should().dependOnClassesThat().resideInAPackage("org.cbamledger.service.tiles..")
                .check(classes);
    }

    /** Issue 17 item 1: no package of the service depends, through others, on itself. */
    @Test
    void packages_areFreeOfCycles() {
        slices().matching("org.cbamledger.service.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * A database failure reaches the edge only as a StoreException (StoreExceptionHandler): no route or filter declares
     * the checked SQLException, so none needs a handler of its own (CONTRACTS.md, database failures).
     */
    @Test
    void routesAndFilters_doNotDeclareSqlException() {
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
                .or().areDeclaredInClassesThat().areAnnotatedWith(ServerFilter.class)
                .should().declareThrowableOfType(SQLException.class)
                .check(classes);
    }
}
