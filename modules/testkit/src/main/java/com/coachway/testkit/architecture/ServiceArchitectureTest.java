package com.coachway.testkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The structure rules as tests: a service's test extends this with its base package and schema,
 * e.g. {@code class ArchitectureTest extends ServiceArchitectureTest { ArchitectureTest() {
 * super("com.coachway.client", "client"); } }}. The classes are read once per test class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {
    private final String basePackage;
    private final String schema;
    private final JavaClasses classes;

    protected ServiceArchitectureTest(String basePackage, String schema) {
        this.basePackage = basePackage;
        this.schema = schema;
        this.classes = ServiceArchitecture.mainClassesOf(basePackage);
    }

    @Test
    void feature_folders_are_free_of_cycles() {
        ServiceArchitecture.featureFoldersAreFreeOfCycles(basePackage).check(classes);
    }

    @Test
    void feature_folders_do_not_import_each_others_handlers() {
        ServiceArchitecture.featuresDoNotImportEachOthersHandlers(basePackage).check(classes);
    }

    @Test
    void the_service_uses_only_its_own_schema() {
        ServiceArchitecture.usesOnlyItsOwnSchema(basePackage, schema).check(classes);
    }

    @Test
    void handlers_use_no_jooq() {
        ServiceArchitecture.handlersUseNoJooq(basePackage).check(classes);
    }

    @Test
    void actions_stores_and_rules_use_no_javalin() {
        ServiceArchitecture.actionsStoresAndRulesUseNoJavalin(basePackage).check(classes);
    }
}
