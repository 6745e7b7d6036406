package com.coachway.sales.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesAuditTest {
    @Test
    void an_address_the_receiver_can_keep_is_its_own_entity_id() {
        assertEquals("ann@example.com", SalesAudit.entityId("ann@example.com"));
        String hundred = "a".repeat(88) + "@example.com";
        assertEquals(100, hundred.length());
        assertEquals(hundred, SalesAudit.entityId(hundred));
    }

    @Test
    void a_longer_address_is_named_by_its_sha256_the_same_every_time() {
        String long1 = "b".repeat(64) + "@" + "c".repeat(60) + ".com";
        String id = SalesAudit.entityId(long1);
        assertTrue(id.startsWith("sha256:"), id);
        assertEquals(7 + 64, id.length());
        assertEquals(id, SalesAudit.entityId(long1));
        assertTrue(!id.equals(SalesAudit.entityId("d" + long1.substring(1))));
    }
}
