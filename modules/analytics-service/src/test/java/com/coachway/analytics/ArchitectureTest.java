package com.coachway.analytics;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** analytics-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.analytics", "analytics");
    }
}
