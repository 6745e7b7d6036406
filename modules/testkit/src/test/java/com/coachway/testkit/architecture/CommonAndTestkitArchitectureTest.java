package com.coachway.testkit.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** common and testkit are shared by every service, so they import none. */
class CommonAndTestkitArchitectureTest {
    @Test
    void common_and_testkit_import_no_service() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ServiceArchitecture.COMMON, ServiceArchitecture.TESTKIT);
        ServiceArchitecture.commonAndTestkitImportNoService().check(classes);
    }
}
