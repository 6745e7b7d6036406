package com.coachway.changemgmt.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditRulesTest {
    @Test
    void aServiceWritesInItsOwnName() {
        assertTrue(AuditRules.refusal("charter-service", "charter-service").isEmpty());
    }

    @Test
    void anotherServicesNameIsRefusedNamingBoth() {
        String why = AuditRules.refusal("charter-service", "payment-service").orElseThrow();
        assertTrue(why.contains("charter-service") && why.contains("payment-service"), why);
    }

    @Test
    void aCallerWithoutASubjectIsRefused() {
        assertEquals(true, AuditRules.refusal(null, "payment-service").isPresent());
        assertEquals(true, AuditRules.refusal("charter-service", "charter-service-x").isPresent());
    }
}
