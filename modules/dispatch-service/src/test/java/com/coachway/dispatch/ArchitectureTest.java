package com.coachway.dispatch;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** dispatch-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.dispatch", "dispatch");
    }
}
