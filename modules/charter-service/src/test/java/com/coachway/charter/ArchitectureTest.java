package com.coachway.charter;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** charter-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.charter", "charter");
    }
}
