package com.coachway.notification;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** notification-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.notification", "notification");
    }
}
