package com.coachway.common.auth;

import com.coachway.common.http.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientScopeTest {
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
            assertTrue(ClientScope.limitedTo(c).isEmpty(), role);
            assertDoesNotThrow(() -> ClientScope.check(c, OTHER, "Client"), role);
        }
    }

    @Test
    void a_client_user_sees_only_its_own_client_and_others_are_404() {
        Caller c = caller(Set.of("client"), OWN);
        assertEquals(OWN, ClientScope.limitedTo(c).orElseThrow());
        assertDoesNotThrow(() -> ClientScope.check(c, OWN, "Client"));
        assertEquals(404, assertThrows(ApiException.class, () -> ClientScope.check(c, OTHER, "Client")).status());
    }

    @Test
    void a_client_user_without_a_client_is_refused() {
        Caller c = caller(Set.of("client"), null);
        assertEquals(403, assertThrows(ApiException.class, () -> ClientScope.limitedTo(c)).status());
    }

    @Test
    void a_vendor_or_driver_reaching_a_client_scoped_route_sees_no_client() {
        for (String role : Set.of("vendor", "driver")) {
            Caller c = caller(Set.of(role), null);
            assertEquals(404, assertThrows(ApiException.class, () -> ClientScope.check(c, OWN, "Client")).status(), role);
        }
    }

    @Test
    void as_a_value_the_scope_becomes_a_where_condition_on_the_client_column() {
        var column = org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("client_id"), UUID.class);
        var dsl = org.jooq.impl.DSL.using(org.jooq.SQLDialect.POSTGRES);

        ClientScope staff = ClientScope.of(caller(Set.of("dispatcher"), null));
        assertEquals(ClientScope.all(), staff);
        assertTrue(staff.client().isEmpty());
        assertEquals(org.jooq.impl.DSL.noCondition(), staff.where(column));
        assertTrue(staff.allows(OTHER));

        ClientScope own = ClientScope.of(caller(Set.of("client"), OWN));
        assertEquals(ClientScope.only(OWN), own);
        String sql = dsl.renderInlined(own.where(column));
        assertTrue(sql.startsWith("\"client_id\" = ") && sql.contains(OWN.toString()), sql);
        assertTrue(own.allows(OWN));
        assertTrue(!own.allows(OTHER));

        ClientScope vendor = ClientScope.of(caller(Set.of("vendor"), null));
        assertTrue(!vendor.allows(OWN), "a caller of no client is scoped to none");
        assertTrue(dsl.renderInlined(vendor.where(column)).contains(new UUID(0, 0).toString()));
    }
}
