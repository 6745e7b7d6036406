package com.coachway.client;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** client-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.client", "client");
    }
}
