package com.coachway.dispatch;

import com.coachway.testkit.KeysetPaging;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriverTest {
    DispatchPlatform d;

    @BeforeAll
    void start() {
        d = new DispatchPlatform();
    }

    @AfterAll
    void stop() {
        d.close();
    }

    @Test
    void a_driver_is_registered_read_and_changed_with_its_version() {
        var body = DispatchPlatform.driverBody();
        body.put("license_number", "ab-1234");
        body.put("vendor_id", UUID.randomUUID().toString());
        Response created = d.as("dispatcher").contentType("application/json").body(body).post("/drivers");
        assertEquals(201, created.statusCode(), created::asString);
        String id = created.path("id");
        assertEquals("/drivers/" + id, created.header("Location"));
        assertEquals("AB-1234", created.path("license_number"));
        assertEquals("active", created.path("status"));
        assertEquals(1, (int) created.path("version"));

        var patch = new LinkedHashMap<String, Object>();
        patch.put("version", 1);
        patch.put("status", "suspended");
        patch.put("vendor_id", null);
        patch.put("phone", "+1 555 0199");
        Response changed = d.as("manager").contentType("application/json").body(patch).patch("/drivers/" + id);
        assertEquals(200, changed.statusCode(), changed::asString);
        assertEquals("suspended", changed.path("status"));
        assertNull(changed.path("vendor_id"));
        assertEquals("+1 555 0199", changed.path("phone"));
        assertEquals(body.get("name"), changed.path("name"));
        assertEquals(2, (int) changed.path("version"));
        Response stale = d.as("manager").contentType("application/json").body(Map.of("version", 1, "name", "X")).patch("/drivers/" + id);
        assertEquals(409, stale.statusCode());
        assertEquals("suspended", d.as("accountant").get("/drivers/" + id).path("status"));
    }

    @Test
    void health_names_the_hours_of_service_cycle() {
        Response r = d.platform.api(DispatchPlatform.ROUTE).get("/health");
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals("dispatch-service", r.path("service"));
        assertEquals("70_8", r.path("hos_cycle"));
    }

    @Test
    void document_service_reads_a_driver_with_its_service_token() {
        UUID id = d.driver();
        assertEquals(id.toString(), d.as("service").get("/drivers/" + id).path("id"));
        // but lists and changes are staff's
        assertEquals(403, d.as("service").get("/drivers").statusCode());
    }

    @Test
    void a_licence_belongs_to_one_driver_in_any_case() {
        var body = DispatchPlatform.driverBody();
        body.put("license_number", "DUP-1");
        assertEquals(201, d.as("dispatcher").contentType("application/json").body(body).post("/drivers").statusCode());
        var again = new LinkedHashMap<>(DispatchPlatform.driverBody());
        again.put("license_number", "dup-1");
        var before = d.counts();
        Response r = d.as("dispatcher").contentType("application/json").body(again).post("/drivers");
        assertEquals(409, r.statusCode());
        assertTrue(r.jsonPath().getString("detail").contains("DUP-1"));
        assertEquals(before, d.counts());
    }

    @Test
    void only_dispatch_registers_drivers_and_driver_users_read_none() {
        assertEquals(403, d.as("sales_agent").contentType("application/json").body(DispatchPlatform.driverBody()).post("/drivers").statusCode());
        UUID me = d.driver();
        assertEquals(403, d.asDriver(me).get("/drivers/" + me).statusCode());
        assertEquals(401, d.platform.api(DispatchPlatform.ROUTE).get("/drivers").statusCode());
    }

    @Test
    void the_list_filters_and_pages_by_name() {
        UUID vendor = UUID.randomUUID();
        for (int i = 0; i < 5; i++) d.driver(Map.of("vendor_id", vendor.toString(), "name", "Vendor Driver " + i));
        d.driver(Map.of("vendor_id", vendor.toString(), "name", "Vendor Driver X", "status", "inactive"));
        assertEquals(6, d.as("dispatcher").queryParam("vendor_id", vendor.toString()).get("/drivers").jsonPath().getInt("total"));
        assertEquals(1, d.as("dispatcher").queryParam("vendor_id", vendor.toString()).queryParam("status", "inactive").get("/drivers")
                .jsonPath().getInt("total"));
        assertEquals(List.of("Vendor Driver 0", "Vendor Driver 1"), d.as("dispatcher").queryParam("vendor_id", vendor.toString())
                .queryParam("limit", 2).get("/drivers").jsonPath().getList("items.name"));
        assertEquals(6, d.as("dispatcher").queryParam("q", "vendor driver").get("/drivers").jsonPath().getInt("total"));
        KeysetPaging.assertWalkMatchesOffsets(() -> d.as("dispatcher"), "/drivers", Map.of("vendor_id", vendor.toString()), 2, "id");
        KeysetPaging.assertBadCursorsRefused(() -> d.as("dispatcher"), "/drivers", Map.of("vendor_id", vendor.toString()));
    }
}
