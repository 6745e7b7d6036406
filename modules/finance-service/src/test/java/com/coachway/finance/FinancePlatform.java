package com.coachway.finance;

import com.coachway.auth.AuthService;
import com.coachway.common.http.Json;
import com.coachway.testkit.Platform;
import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.RecordingNeighbour;
import com.coachway.testkit.Rows;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth- and finance-service on one fresh database behind the gateway, on a clock the test moves.
 * charter-service and client-service are stood in for by recording neighbours: a test says what
 * they answer with {@link #charterIs} and {@link #clientIs} (per path, so many charters and
 * clients can exist at once). Events are posted as a service would, with {@link #event}.
 */
public final class FinancePlatform implements AutoCloseable {
    public static final String FINANCE = "/api/v1/finance";
    /** 2026-11-16 17:00 UTC: noon in New York, so "today" there is 2026-11-16. */
    public static final Instant START = Instant.parse("2026-11-16T17:00:00Z");
    public static final LocalDate TODAY = LocalDate.parse("2026-11-16");
    public static final String TEST_SERVICE = "test-service";
    private static final String TEST_SERVICE_SECRET = "test-service-secret-" + UUID.randomUUID();

    public final MovableClock clock = new MovableClock(START);
    public final Platform platform;
    public final RecordingNeighbour charters = new RecordingNeighbour(404, problem(404, "Charter not found"));
    public final RecordingNeighbour clients = new RecordingNeighbour(404, problem(404, "Client not found"));
    public final RecordingNeighbour vendors = new RecordingNeighbour(404, problem(404, "Vendor not found"));
    /** change-mgmt-service's /audit-events: where the outbox delivers audit.journal.posted and audit.period.closed. */
    public final AuditTrailReceiver audit = new AuditTrailReceiver();

    public FinancePlatform() {
        String financeSecret = "finance-service-secret-" + UUID.randomUUID();
        platform = Platform.builder()
                .service("auth-service", "/api/v1/auth", AuthService::start,
                        Map.of("SERVICE_CLIENTS", "finance-service:" + financeSecret + "," + TEST_SERVICE + ":" + TEST_SERVICE_SECRET))
                .service("finance-service", FINANCE, c -> FinanceService.start(c, clock),
                        Map.of("SERVICE_CLIENT_SECRET", financeSecret,
                                "CHARTER_SERVICE_URL", charters.url(), "CLIENT_SERVICE_URL", clients.url(),
                                "VENDOR_SERVICE_URL", vendors.url(), "CHANGE_MGMT_SERVICE_URL", audit.url(),
                                "OUTBOX_POLL_INTERVAL_MS", "100"))
                .start();
    }

    public static String problem(int status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"request_id\":\"t\"}";
    }

    public RequestSpecification as(String role) {
        return platform.api(FINANCE).auth().oauth2(platform.token(role));
    }

    public RequestSpecification rawAs(String role) {
        return platform.raw(FINANCE).auth().oauth2(platform.token(role));
    }

    public RequestSpecification asClientUser(String clientId) {
        return platform.api(FINANCE).auth().oauth2(platform.portalToken("client", UUID.fromString(clientId)));
    }

    public RequestSpecification asVendorUser(String vendorId) {
        return platform.api(FINANCE).auth().oauth2(platform.portalToken("vendor", UUID.fromString(vendorId)));
    }

    public RequestSpecification asService() {
        return platform.api(FINANCE).auth().oauth2(platform.clientCredentialsToken(TEST_SERVICE, TEST_SERVICE_SECRET));
    }

    public RequestSpecification rawAsService() {
        return platform.raw(FINANCE).auth().oauth2(platform.clientCredentialsToken(TEST_SERVICE, TEST_SERVICE_SECRET));
    }

    public long count(String table) {
        return platform.count(table);
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        return Rows.query(platform.databaseUrl(), sql, params);
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- neighbours ----

    /** vendor-service knows this vendor. */
    public void vendorIs(String vendorId, String name) {
        var v = new LinkedHashMap<String, Object>();
        v.put("id", vendorId);
        v.put("name", name);
        v.put("email", "dispatch@" + vendorId.substring(0, 8) + ".example");
        v.put("status", "approved");
        vendors.answer("/vendors/" + vendorId, 200, json(v));
    }

    /** client-service knows this client, with these payment terms. */
    public void clientIs(String clientId, String name, int paymentTermsDays) {
        var c = new LinkedHashMap<String, Object>();
        c.put("id", clientId);
        c.put("name", name);
        c.put("type", "corporate");
        c.put("payment_terms_days", paymentTermsDays);
        c.put("status", "active");
        clients.answer("/clients/" + clientId, 200, json(c));
    }

    /** A new client id that client-service knows, named after it, with these payment terms. */
    public String newClient(int paymentTermsDays) {
        String id = UUID.randomUUID().toString();
        clientIs(id, "Client " + id.substring(0, 6), paymentTermsDays);
        return id;
    }

    /** A quote line as charter-service shows it. */
    public static Map<String, Object> line(String code, String description, String quantity, String unitPrice) {
        var l = new LinkedHashMap<String, Object>();
        l.put("code", code);
        l.put("description", description);
        l.put("quantity", new BigDecimal(quantity));
        l.put("unit_price", new BigDecimal(unitPrice));
        l.put("amount", new BigDecimal(quantity).multiply(new BigDecimal(unitPrice)).setScale(2));
        return l;
    }

    /**
     * charter-service knows this charter with a current quote of {@code quoteStatus} made of
     * {@code lines}, less the discount (as charter-service writes it: positive, subtracted), plus fuel surcharge and tax.
     */
    public void charterIs(String charterId, String clientId, String status, String quoteStatus, List<Map<String, Object>> lines,
                          String discount, String fuel, String tax) {
        BigDecimal subtotal = lines.stream().map(l -> (BigDecimal) l.get("amount")).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal total = subtotal.subtract(new BigDecimal(discount)).add(new BigDecimal(fuel)).add(new BigDecimal(tax));
        var quote = new LinkedHashMap<String, Object>();
        quote.put("id", UUID.randomUUID().toString());
        quote.put("status", quoteStatus);
        quote.put("lines", lines);
        quote.put("subtotal", subtotal);
        quote.put("discount", new BigDecimal(discount));
        quote.put("fuel_surcharge", new BigDecimal(fuel));
        quote.put("tax", new BigDecimal(tax));
        quote.put("total", total);
        quote.put("currency", "USD");
        var c = new LinkedHashMap<String, Object>();
        c.put("id", charterId);
        c.put("reference", "CW-2026-" + (10000 + Math.abs(charterId.hashCode() % 90000)));
        c.put("client_id", clientId);
        c.put("status", status);
        c.put("pickup_at", "2026-12-05T08:00:00-05:00");
        c.put("ends_at", "2026-12-05T20:00:00-05:00");
        c.put("vendor_id", null);
        c.put("current_quote", quote);
        charters.answer("/charters/" + charterId, 200, json(c));
    }

    /** A booked charter of {@code clientId} whose accepted quote totals {@code total} (one line). */
    public void charterIs(String charterId, String clientId, String total) {
        charterIs(charterId, clientId, "booked", "accepted", List.of(line("coach_56", "56-seat coach, full day", "1", total)),
                "0.00", "0.00", "0.00");
    }

    // ---- finance ----

    /** A new client known to client-service (terms 30 days) and an invoice for a new charter of it, issued on {@code issueDate}. */
    public Map<String, Object> issuedInvoice(String clientId, String total, LocalDate issueDate) {
        String charterId = UUID.randomUUID().toString();
        charterIs(charterId, clientId, total);
        Response r = as("accountant").contentType("application/json")
                .body(Map.of("issue", true, "issue_date", issueDate.toString()))
                .post("/invoices/from-charter/" + charterId);
        assertEquals(201, r.statusCode(), r::asString);
        return r.as(Map.class);
    }

    /** Posts an event as a service's outbox would, under its event id. */
    public Response event(String topicPath, String eventId, Map<String, Object> body) {
        return asService().header("Idempotency-Key", eventId).contentType("application/json").body(body).post("/events/" + topicPath);
    }

    public static Map<String, Object> paymentRecorded(String paymentId, String clientId, String charterId, String amount, Instant at) {
        var b = new LinkedHashMap<String, Object>();
        b.put("payment_id", paymentId);
        b.put("charter_id", charterId);
        b.put("client_id", clientId);
        b.put("amount", new BigDecimal(amount));
        b.put("currency", "USD");
        b.put("method", "card");
        b.put("reference", "pi_" + paymentId.substring(0, 8));
        b.put("received_at", at.toString());
        b.put("succeeded_at", at.toString());
        return b;
    }

    public static Map<String, Object> paymentRefunded(String refundId, String paymentId, String clientId, String charterId, String amount,
                                                      Instant at) {
        var b = new LinkedHashMap<String, Object>();
        b.put("refund_id", refundId);
        b.put("payment_id", paymentId);
        b.put("charter_id", charterId);
        b.put("client_id", clientId);
        b.put("amount", new BigDecimal(amount));
        b.put("currency", "USD");
        b.put("method", "card");
        b.put("reason", "requested_by_customer");
        b.put("refunded_at", at.toString());
        return b;
    }

    public static Map<String, Object> charterStatus(String charterId, String clientId, String status, Instant at) {
        return Map.of("charter_id", charterId, "client_id", clientId, "status", status, "changed_at", at.toString());
    }

    /** The trial balance as of a date, checked balanced; balances by account name. */
    public Map<String, BigDecimal> balances(LocalDate asOf) {
        Response r = as("accountant").queryParam("as_of", asOf.toString()).get("/ledger/trial-balance");
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals(Boolean.TRUE, r.path("balanced"), r::asString);
        var out = new LinkedHashMap<String, BigDecimal>();
        List<Map<String, Object>> accounts = r.path("accounts");
        for (var a : accounts) out.put((String) a.get("name"), new BigDecimal(a.get("balance").toString()).setScale(2));
        return out;
    }

    @Override
    public void close() {
        platform.close();
        charters.close();
        clients.close();
        vendors.close();
        audit.close();
    }
}
