package com.coachway.auth;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** auth-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.auth", "auth");
    }
}
