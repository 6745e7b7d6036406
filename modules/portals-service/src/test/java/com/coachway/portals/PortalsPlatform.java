package com.coachway.portals;

import com.coachway.auth.AuthService;
import com.coachway.common.http.Json;
import com.coachway.testkit.Platform;
import com.coachway.testkit.RecordingNeighbour;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * auth- and portals-service behind the gateway. The services portals reads are stood in for by
 * recording neighbours (per path: a test says what each answers, and sees what it was asked,
 * with which token); {@code overrides} points one of them elsewhere (a stopped or hanging one).
 * The neighbours answer whatever the token: a test that gives one another client's record stands
 * for a neighbour whose own tenancy failed, which portals must still not show.
 */
final class PortalsPlatform implements AutoCloseable {
    static final String PORTALS = "/api/v1/portals";

    final RecordingNeighbour charters = new RecordingNeighbour(404, problem(404, "Charter not found"));
    final RecordingNeighbour payments = new RecordingNeighbour(404, problem(404, "Not found"));
    final RecordingNeighbour documents = new RecordingNeighbour(200, emptyList());
    final RecordingNeighbour finance = new RecordingNeighbour(200, emptyList());
    final RecordingNeighbour vendors = new RecordingNeighbour(404, problem(404, "Vendor not found"));
    final RecordingNeighbour changeMgmt = new RecordingNeighbour(404, problem(404, "Not found"));
    final RecordingNeighbour analytics = new RecordingNeighbour(404, problem(404, "Not found"));
    final RecordingNeighbour sales = new RecordingNeighbour(404, problem(404, "Not found"));
    final Platform platform;

    PortalsPlatform(Map<String, String> overrides) {
        var env = new HashMap<String, String>();
        env.put("CHARTER_SERVICE_URL", charters.url());
        env.put("PAYMENT_SERVICE_URL", payments.url());
        env.put("DOCUMENT_SERVICE_URL", documents.url());
        env.put("FINANCE_SERVICE_URL", finance.url());
        env.put("VENDOR_SERVICE_URL", vendors.url());
        env.put("CHANGE_MGMT_SERVICE_URL", changeMgmt.url());
        env.put("ANALYTICS_SERVICE_URL", analytics.url());
        env.put("SALES_SERVICE_URL", sales.url());
        env.putAll(overrides);
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start)
                .service("portals-service", PORTALS, PortalsService::start, env)
                .start();
    }

    static String problem(int status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"request_id\":\"t\"}";
    }

    static String emptyList() {
        return json(page(List.of()));
    }

    static Map<String, Object> page(List<?> items) {
        var p = new LinkedHashMap<String, Object>();
        p.put("items", items);
        p.put("total", items.size());
        p.put("limit", 50);
        p.put("offset", 0);
        p.put("next", null);
        return p;
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String clientToken(UUID clientId) {
        return platform.portalToken("client", clientId);
    }

    String vendorToken(UUID vendorId) {
        return platform.portalToken("vendor", vendorId);
    }

    RequestSpecification asClient(UUID clientId) {
        return platform.api(PORTALS).auth().oauth2(clientToken(clientId));
    }

    RequestSpecification rawAsClient(UUID clientId) {
        return platform.raw(PORTALS).auth().oauth2(clientToken(clientId));
    }

    RequestSpecification asVendor(UUID vendorId) {
        return platform.api(PORTALS).auth().oauth2(vendorToken(vendorId));
    }

    RequestSpecification rawAsVendor(UUID vendorId) {
        return platform.raw(PORTALS).auth().oauth2(vendorToken(vendorId));
    }

    RequestSpecification as(String role) {
        return platform.api(PORTALS).auth().oauth2(platform.token(role));
    }

    RequestSpecification anonymous() {
        return platform.api(PORTALS);
    }

    // ---- what the neighbours hold ----

    /** A charter as charter-service shows it (the fields portals reads, and a few more). */
    static Map<String, Object> charter(UUID id, UUID clientId, String status, String pickupAt, Map<String, Object> currentQuote) {
        var c = new LinkedHashMap<String, Object>();
        c.put("id", id.toString());
        c.put("reference", "CW-2026-" + (10000 + Math.abs(id.hashCode() % 90000)));
        c.put("client_id", clientId.toString());
        c.put("status", status);
        c.put("trip_type", "round_trip");
        c.put("passenger_count", 40);
        c.put("pickup_at", pickupAt);
        c.put("vendor_id", null);
        c.put("current_quote", currentQuote);
        c.put("version", 3);
        return c;
    }

    static Map<String, Object> quote(UUID id, UUID charterId, String status, String total) {
        var q = new LinkedHashMap<String, Object>();
        q.put("id", id.toString());
        q.put("charter_id", charterId.toString());
        q.put("version", 1);
        q.put("status", status);
        q.put("total", new BigDecimal(total));
        q.put("currency", "USD");
        q.put("valid_until", "2027-01-15T00:00:00Z");
        return q;
    }

    static Map<String, Object> payment(UUID id, UUID charterId, UUID clientId, String amount) {
        var p = new LinkedHashMap<String, Object>();
        p.put("id", id.toString());
        p.put("charter_id", charterId.toString());
        p.put("client_id", clientId.toString());
        p.put("amount", new BigDecimal(amount));
        p.put("currency", "USD");
        p.put("method", "wire");
        p.put("status", "succeeded");
        return p;
    }

    static Map<String, Object> balance(UUID charterId, String total, String paid) {
        var b = new LinkedHashMap<String, Object>();
        b.put("charter_id", charterId.toString());
        b.put("currency", "USD");
        b.put("total", new BigDecimal(total));
        b.put("paid", new BigDecimal(paid));
        b.put("refunded", new BigDecimal("0.00"));
        b.put("outstanding", new BigDecimal(total).subtract(new BigDecimal(paid)));
        return b;
    }

    static Map<String, Object> schedule(UUID charterId, UUID clientId, String outstanding) {
        var s = new LinkedHashMap<String, Object>();
        s.put("id", UUID.randomUUID().toString());
        s.put("charter_id", charterId.toString());
        s.put("client_id", clientId.toString());
        s.put("outstanding", new BigDecimal(outstanding));
        return s;
    }

    static Map<String, Object> document(UUID id, UUID charterId) {
        var d = new LinkedHashMap<String, Object>();
        d.put("id", id.toString());
        d.put("filename", "contract-" + charterId.toString().substring(0, 8) + ".pdf");
        d.put("content_type", "application/pdf");
        d.put("entity_type", "charter");
        d.put("entity_id", charterId.toString());
        d.put("kind", "contract");
        return d;
    }

    static Map<String, Object> invoice(UUID id, UUID charterId, UUID clientId, String total) {
        var i = new LinkedHashMap<String, Object>();
        i.put("id", id.toString());
        i.put("number", "INV-2026-" + (10000 + Math.abs(id.hashCode() % 90000)));
        i.put("charter_id", charterId.toString());
        i.put("client_id", clientId.toString());
        i.put("status", "issued");
        i.put("total", new BigDecimal(total));
        i.put("balance", new BigDecimal(total));
        return i;
    }

    @Override
    public void close() {
        platform.close();
        for (var n : List.of(charters, payments, documents, finance, vendors, changeMgmt, analytics, sales)) n.close();
    }
}
