package com.coachway.finance;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** finance-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.finance", "finance");
    }
}
