package com.coachway.auth.users;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserRulesTest {
    static final UUID ID = UUID.randomUUID();

    private static List<String> fields(List<String> roles, UUID client, UUID vendor, UUID driver) {
        return UserRules.check(roles, client, vendor, driver).stream().map(e -> e.field()).toList();
    }

    @Test
    void staff_roles_combine_freely_without_portal_links() {
        assertEquals(List.of(), fields(List.of("manager", "sales_agent", "dispatcher"), null, null, null));
        assertEquals(List.of(), fields(List.of("admin"), null, null, null));
    }

    @Test
    void each_portal_role_needs_its_own_record_and_only_that() {
        assertEquals(List.of(), fields(List.of("client"), ID, null, null));
        assertEquals(List.of(), fields(List.of("vendor"), null, ID, null));
        assertEquals(List.of(), fields(List.of("driver"), null, null, ID));
        assertEquals(List.of("client_id"), fields(List.of("client"), null, null, null));
        assertEquals(List.of("vendor_id"), fields(List.of("vendor"), null, null, null));
        assertEquals(List.of("driver_id"), fields(List.of("driver"), null, null, null));
        assertEquals(List.of("vendor_id"), fields(List.of("client"), ID, ID, null));
        assertEquals(List.of("client_id"), fields(List.of("dispatcher"), ID, null, null));
    }

    @Test
    void portal_roles_do_not_mix_with_staff_or_each_other() {
        assertEquals(List.of("roles"), fields(List.of("client", "admin"), ID, null, null));
        assertTrue(fields(List.of("client", "vendor"), ID, ID, null).contains("roles"));
    }

    @Test
    void the_service_role_is_never_a_users() {
        assertEquals(List.of("roles"), fields(List.of("service"), null, null, null));
    }

    private static User user(boolean active, List<String> roles) {
        var now = OffsetDateTime.now();
        return new User(ID, "a@b.co", "A", roles, active, null, null, null, null, 1, now, now);
    }

    @Test
    void removing_an_admin_is_deactivating_or_demoting_an_active_one() {
        assertTrue(UserRules.removesAdmin(user(true, List.of("admin")), false, List.of("admin")));
        assertTrue(UserRules.removesAdmin(user(true, List.of("admin")), true, List.of("manager")));
        assertFalse(UserRules.removesAdmin(user(true, List.of("admin")), true, List.of("admin", "manager")));
        assertFalse(UserRules.removesAdmin(user(false, List.of("admin")), false, List.of()));
        assertFalse(UserRules.removesAdmin(user(true, List.of("manager")), false, List.of("manager")));
    }
}
