package com.coachway.testkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules themselves, on a fixture "service" of deliberately bad classes (fixture.bad) and one
 * that keeps every rule (fixture.good): each rule must report exactly what is broken, and pass
 * what is not, or the services' ArchitectureTests prove nothing.
 */
class ServiceArchitectureRulesTest {
    private static final String FIXTURE = ServiceArchitectureRulesTest.class.getPackageName() + ".fixture";
    private static final String BAD = FIXTURE + ".bad";
    private static final String GOOD = FIXTURE + ".good";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void a_feature_importing_another_features_handler_is_reported() {
        String report = failures(ServiceArchitecture.featuresDoNotImportEachOthersHandlers(BAD));
        assertTrue(report.contains("<" + BAD + ".charters.CharterHandler") && report.contains(BAD + ".quotes.QuoteHandler"), report);
        // bad.library is a folder of the fixture service too, and its use of QuoteHandler counts alike
        assertTrue(report.contains("(LeakyHelper.java:"), report);
        // quotes using charters' store is no handler import (that is the cycle rule's business)
        assertFalse(report.contains("(QuoteHandler.java:"), report);
    }

    @Test
    void features_that_depend_on_each_other_are_a_reported_cycle() {
        String report = failures(ServiceArchitecture.featureFoldersAreFreeOfCycles(BAD));
        assertTrue(report.contains("feature 'charters'") && report.contains("feature 'quotes'"), report);
    }

    @Test
    void another_services_schema_is_reported() {
        String report = failures(ServiceArchitecture.usesOnlyItsOwnSchema(BAD, "charter"));
        assertTrue(report.contains(BAD + ".charters.CharterStore") && report.contains("com.coachway.db.pricing"), report);
    }

    @Test
    void jooq_in_a_handler_is_reported() {
        String report = failures(ServiceArchitecture.handlersUseNoJooq(BAD));
        assertTrue(report.contains(BAD + ".charters.CharterHandler") && report.contains("org.jooq.DSLContext"), report);
        assertFalse(report.contains("(QuoteHandler.java:"), report);
    }

    @Test
    void javalin_in_a_store_is_reported() {
        String report = failures(ServiceArchitecture.actionsStoresAndRulesUseNoJavalin(BAD));
        assertTrue(report.contains(BAD + ".charters.CharterStore") && report.contains("io.javalin.http.Context"), report);
    }

    @Test
    void a_library_importing_a_service_is_reported() {
        String report = failures(ServiceArchitecture.librariesImportOnly(List.of(BAD + ".library"),
                List.of(BAD + ".library", ServiceArchitecture.COMMON)));
        assertTrue(report.contains("LeakyHelper") && report.contains(BAD + ".quotes.QuoteHandler"), report);
    }

    @Test
    void a_service_keeping_the_structure_passes_every_rule() {
        for (ArchRule rule : ServiceArchitecture.rulesFor(GOOD, "charter")) {
            assertEquals("", failures(rule), rule.getDescription());
        }
        assertEquals("", failures(ServiceArchitecture.librariesImportOnly(List.of(GOOD + ".library"),
                List.of(GOOD + ".library", ServiceArchitecture.COMMON))));
    }

    private static String failures(ArchRule rule) {
        return String.join("\n", rule.evaluate(CLASSES).getFailureReport().getDetails());
    }
}
