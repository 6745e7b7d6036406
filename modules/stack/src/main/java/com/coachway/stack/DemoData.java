package com.coachway.stack;

import com.coachway.common.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Demo data, loaded once on the first start through the public API (so it obeys every rule a
 * user's request would): one staff user per role, all with the password {@link #PASSWORD}.
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

    DemoData(int gatewayPort) {
        this.base = "http://127.0.0.1:" + gatewayPort + "/api/v1";
    }

    void load(String adminEmail, String adminPassword) throws Exception {
        var login = post("/auth/login", null, Map.of("email", adminEmail, "password", adminPassword));
        if (login.statusCode() != 200) throw new IllegalStateException("demo data: admin login failed: " + login.body());
        String token = Json.MAPPER.readTree(login.body()).path("access_token").asText();
        for (List<String> u : STAFF) {
            var r = post("/auth/users", token, Map.of("email", u.get(0), "full_name", u.get(1),
                    "password", PASSWORD, "roles", List.of(u.get(2))));
            if (r.statusCode() != 201 && r.statusCode() != 409) {
                throw new IllegalStateException("demo data: creating " + u.get(0) + " answered " + r.statusCode() + " " + r.body());
            }
        }
        log.info("demo data loaded: {} staff users", STAFF.size());
    }

    private HttpResponse<String> post(String path, String token, Object body) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
        if (token != null) req.header("Authorization", "Bearer " + token);
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }
}
