package com.coachway.sales;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** sales-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.sales", "sales");
    }
}
