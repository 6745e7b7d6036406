package com.coachway.pricing;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** pricing-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.pricing", "pricing");
    }
}
