package com.coachway.changemgmt;

import com.coachway.testkit.architecture.ServiceArchitectureTest;

/** change-mgmt-service keeps the structure every service keeps (the rules are in testkit's ServiceArchitecture). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("com.coachway.changemgmt", "change_mgmt");
    }
}
