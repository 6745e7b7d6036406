package com.coachway.payment;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** payment-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.payment", "payment");
    }
}
