package com.coachway.client.access;

import com.coachway.common.auth.Caller;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenancyTest {
    private static Caller caller(String role, UUID clientId) {
        return new Caller("sub", UUID.randomUUID(), "x@example.com", Set.of(role), clientId, null, null, UUID.randomUUID(), Instant.EPOCH);
    }

    @Test
    void staff_and_services_reach_every_client() {
        for (String role : new String[] {"admin", "manager", "dispatcher", "service"}) {
            assertEquals(Optional.empty(), Tenancy.of(caller(role, null)).onlyClient(), role);
        }
    }

    @Test
    void a_client_portal_user_reaches_only_its_own_client() {
        UUID mine = UUID.randomUUID();
        assertEquals(Optional.of(mine), Tenancy.of(caller("client", mine)).onlyClient());
    }

    @Test
    void any_other_caller_reaches_no_client_rather_than_all_of_them() {
        UUID vendor = UUID.randomUUID();
        var only = Tenancy.of(caller("vendor", vendor)).onlyClient();
        assertTrue(only.isPresent(), "a vendor must be limited, not unlimited");
        assertNotEquals(vendor, only.get());
    }
}
