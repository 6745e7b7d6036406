package com.coachway.vendor;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** vendor-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.vendor", "vendor");
    }
}
