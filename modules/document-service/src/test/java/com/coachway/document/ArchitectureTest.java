package com.coachway.document;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** document-service keeps the structure every service keeps (it has no PostgreSQL schema: "document" names none). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.document", "document");
    }
}
