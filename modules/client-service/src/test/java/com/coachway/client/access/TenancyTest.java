package com.coachway.client.access;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TenancyTest {
    static final UUID OWN = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();

    private static Caller caller(Set<String> roles, UUID clientId) {
        return new Caller("sub", roles.contains("service") ? null : UUID.randomUUID(), "x@example.com", roles, clientId,
                null, null, UUID.randomUUID(), Instant.now());
    }

    @Test
    void staff_and_services_see_every_client() {
        for (String role : Set.of("admin", "manager", "sales_agent", "dispatcher", "accountant", "service")) {
            Caller c = caller(Set.of(role), null);
            assertNull(Tenancy.confinedTo(c), role);
            assertDoesNotThrow(() -> Tenancy.requireVisible(c, OTHER), role);
        }
    }

    @Test
    void a_client_user_sees_only_its_own_client_and_others_are_404() {
        Caller c = caller(Set.of("client"), OWN);
        assertEquals(OWN, Tenancy.confinedTo(c));
        assertDoesNotThrow(() -> Tenancy.requireVisible(c, OWN));
        assertEquals(404, assertThrows(ApiException.class, () -> Tenancy.requireVisible(c, OTHER)).status());
    }

    @Test
    void a_client_user_without_a_client_is_refused() {
        Caller c = caller(Set.of("client"), null);
        assertEquals(403, assertThrows(ApiException.class, () -> Tenancy.confinedTo(c)).status());
    }
}
