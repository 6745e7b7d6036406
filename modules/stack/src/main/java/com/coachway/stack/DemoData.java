package com.coachway.stack;

import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Demo data, loaded once on the first start through the public API (so it obeys every rule a
 * user's request would): one staff user per role (password {@link #PASSWORD}), a few clients with
 * contacts, and charters in several states — an inquiry, a quoted one, a booked one, a cancelled
 * one; the demo sales agent registered as a sales agent, with two leads. Rate cards, vehicle types
 * and amenities come with pricing-service's migrations.
 */
final class DemoData {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo-pass-2026";
    static final List<List<String>> STAFF = List.of(
            List.of("manager@example.com", "Morgan Manager", "manager"),
            List.of("sales@example.com", "Sam Sales", "sales_agent"),
            List.of("dispatch@example.com", "Dana Dispatch", "dispatcher"),
            List.of("accounts@example.com", "Alex Accounts", "accountant"));

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    /** The services' business zone: "today + n" is a day of the company's calendar, not of UTC's. */
    private final ZoneId zone;

    DemoData(int gatewayPort, ZoneId zone) {
        this.zone = zone;
        this.base = "http://127.0.0.1:" + gatewayPort + "/api/v1";
    }

    void load(String adminEmail, String adminPassword) throws Exception {
        String admin = login(adminEmail, adminPassword);
        for (List<String> u : STAFF) {
            call("POST", "/auth/users", admin, Map.of("email", u.get(0), "full_name", u.get(1),
                    "password", PASSWORD, "roles", List.of(u.get(2))), 201, 409);
        }
        String sales = login("sales@example.com", PASSWORD);

        String school = client(sales, "Lincoln High School", "school", "transport@lincoln-high.example.org", true,
                "Pat Rivera", "pat.rivera@lincoln-high.example.org");
        String corp = client(sales, "Acme Manufacturing", "corporate", "travel@acme.example.com", false,
                "Jordan Lee", "jordan.lee@acme.example.com");
        String church = client(sales, "Grace Community Church", "church", "office@gracechurch.example.org", true,
                "Sam Okafor", "sam.okafor@gracechurch.example.org");

        // an open inquiry, a quote waiting for the client, a booking, and a cancellation
        charter(sales, school, 45, 21, "coach_56", "Lincoln High School, Springfield, MA", "Museum of Science, Boston, MA", 180, "inquiry");
        charter(sales, corp, 24, 35, "minibus_28", "Acme HQ, Worcester, MA", "Gillette Stadium, Foxborough, MA", 90, "quoted");
        charter(sales, church, 50, 50, "coach_56", "Grace Community Church, Hartford, CT", "Cape Cod, MA", 320, "booked");
        charter(sales, corp, 12, 60, "sprinter_14", "Acme HQ, Worcester, MA", "Logan Airport, Boston, MA", 110, "cancelled");

        // the demo sales agent takes new leads in turn, and has two already
        String manager = login("manager@example.com", PASSWORD);
        String salesUser = call("GET", "/auth/me", sales, null, 200).path("id").asText();
        call("POST", "/sales/agents", manager, Map.of("user_id", salesUser, "name", "Sam Sales", "email", "sales@example.com"), 201, 409);
        call("POST", "/sales/leads", sales, Map.of("name", "Riley Chen", "company", "Harbor Rowing Club",
                "email", "riley.chen@harbor-rowing.example.org", "source", "website", "estimated_passengers", 40,
                "trip_description", "Regatta weekend in Worcester, two coaches"), 201);
        call("POST", "/sales/leads", sales, Map.of("name", "Morgan Diaz", "email", "morgan.diaz@example.com",
                "source", "referral", "estimated_passengers", 14, "trip_description", "Airport transfer for a wedding party"), 201);
        log.info("demo data loaded: {} staff users, 3 clients, 4 charters, 1 sales agent, 2 leads", STAFF.size());
    }

    private String client(String token, String name, String type, String email, boolean taxExempt,
                          String contactName, String contactEmail) throws Exception {
        JsonNode c = call("POST", "/clients/clients", token, Map.of("name", name, "type", type, "email", email,
                "phone", "+1 555 010 " + (1000 + Math.abs(name.hashCode() % 8999)), "payment_terms_days", 30,
                "tax_exempt", taxExempt, "billing_address", Map.of("line1", "1 Main St", "city", "Springfield",
                        "state", "MA", "postal_code", "01101", "country", "US")), 201);
        String id = c.path("id").asText();
        call("POST", "/clients/clients/" + id + "/contacts", token, Map.of("name", contactName, "email", contactEmail,
                "phone", "+15550100000", "title", "Trip coordinator", "is_primary", true), 201);
        return id;
    }

    private void charter(String token, String clientId, int passengers, int daysAhead, String vehicleType,
                         String from, String to, int miles, String state) throws Exception {
        LocalDate day = LocalDate.now(zone).plusDays(daysAhead);
        String pickup = day + "T12:00:00Z";
        String arrive = day + "T15:00:00Z";
        String back = day + "T22:00:00Z";
        JsonNode charter = call("POST", "/charters/charters", token, Map.of(
                "client_id", clientId, "trip_type", "round_trip", "passenger_count", passengers,
                "pickup_at", pickup, "return_at", back,
                "stops", List.of(Map.of("sequence", 1, "address", from, "depart_at", pickup),
                        Map.of("sequence", 2, "address", to, "arrive_at", arrive)),
                "vehicles", List.of(Map.of("vehicle_type", vehicleType, "quantity", 1)),
                "amenities", List.of("wifi"), "miles", miles), 201);
        String id = charter.path("id").asText();
        if (state.equals("inquiry")) return;
        if (state.equals("cancelled")) {
            call("POST", "/charters/charters/" + id + "/status", token, Map.of("status", "cancelled", "reason", "Plans changed"), 200);
            return;
        }
        String quote = call("POST", "/charters/charters/" + id + "/quotes", token, null, 201).path("id").asText();
        call("POST", "/charters/quotes/" + quote + "/send", token, null, 200);
        if (state.equals("booked")) call("POST", "/charters/quotes/" + quote + "/accept", token, null, 200);
    }

    private String login(String email, String password) throws Exception {
        return call("POST", "/auth/login", null, Map.of("email", email, "password", password), 200).path("access_token").asText();
    }

    private JsonNode call(String method, String path, String token, Object body, int... okStatuses) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(base + path));
        if (body != null) {
            req.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
        } else {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (token != null) req.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        for (int ok : okStatuses) {
            if (r.statusCode() == ok) return r.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(r.body());
        }
        throw new IllegalStateException("demo data: " + method + " " + path + " answered " + r.statusCode() + " " + r.body());
    }
}
