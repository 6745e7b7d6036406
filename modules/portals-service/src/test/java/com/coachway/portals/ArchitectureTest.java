package com.coachway.portals;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** portals-service keeps the structure every service keeps; it has no schema, so it may use no generated classes at all. */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.portals", "portals");
    }
}
