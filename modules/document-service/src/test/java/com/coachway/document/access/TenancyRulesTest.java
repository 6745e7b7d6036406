package com.coachway.document.access;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenancyRulesTest {
    private static Caller caller(String role, UUID clientId, UUID vendorId) {
        return new Caller("sub", UUID.randomUUID(), "x@example.com", Set.of(role), clientId, vendorId, null, null, null);
    }

    @Test
    void staff_and_services_reach_every_record_portal_users_their_own() {
        UUID client = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        assertTrue(Tenancy.of(caller("dispatcher", null, null)).reaches(UUID.randomUUID(), null));
        assertTrue(Tenancy.of(caller("service", null, null)).reaches(null, UUID.randomUUID()));
        assertTrue(Tenancy.of(caller("client", client, null)).reaches(client, null));
        assertFalse(Tenancy.of(caller("client", client, null)).reaches(UUID.randomUUID(), null));
        assertFalse(Tenancy.of(caller("client", client, null)).reaches(null, vendor));
        assertTrue(Tenancy.of(caller("vendor", null, vendor)).reaches(null, vendor));
        assertFalse(Tenancy.of(caller("vendor", null, vendor)).reaches(client, null));
        assertFalse(Tenancy.of(caller("driver", null, null)).reaches(client, vendor));
        assertThrows(ApiException.class, () -> Tenancy.of(caller("client", null, null)));
    }

    @Test
    void admins_and_managers_delete_anything_others_their_own_uploads() {
        Caller agent = caller("sales_agent", null, null);
        assertTrue(Tenancy.mayDelete(caller("manager", null, null), "someone"));
        assertTrue(Tenancy.mayDelete(caller("admin", null, null), "someone"));
        assertTrue(Tenancy.mayDelete(agent, agent.userId().toString()));
        assertFalse(Tenancy.mayDelete(agent, UUID.randomUUID().toString()));
    }
}
