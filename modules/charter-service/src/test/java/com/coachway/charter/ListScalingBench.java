package com.coachway.charter;

import com.coachway.auth.AuthService;
import com.coachway.testkit.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: a benchmark of the charter list through the gateway at 1k and 100k charters, to
 * show the list stays flat as the table grows (it pages on indexes and loads a page's stops,
 * lines and quotes in fixed statements). Prints medians; asserts only correctness. Run with
 * {@code mvn -f modules/charter-service/pom.xml test -Dtest=ListScalingBench -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ListScalingBench {
    static final int CLIENTS = 50;

    @Test
    void the_charter_list_stays_flat_from_1k_to_100k_charters() throws Exception {
        var results = new LinkedHashMap<String, List<Double>>();
        for (int size : new int[]{1_000, 100_000}) {
            try (Platform p = Platform.builder()
                    .service("auth-service", "/api/v1/auth", AuthService::start)
                    .service("charter-service", CharterPlatform.CHARTERS, CharterService::start)
                    .start()) {
                List<String> clients = seed(p.databaseUrl(), size);
                String token = p.token("manager");
                var queries = new LinkedHashMap<String, Map<String, Object>>();
                queries.put("first page, by pickup", Map.of());
                queries.put("newest pickups first", Map.of("sort", "-pickup_at"));
                queries.put("one client", Map.of("client_id", clients.get(7)));
                queries.put("one status", Map.of("status", "booked"));
                queries.put("one week", Map.of("from", "2026-06-01", "to", "2026-06-07"));
                queries.put("client + status", Map.of("client_id", clients.get(3), "status", "confirmed"));
                queries.put("text search", Map.of("q", "zanzibar"));
                queries.put("reference", Map.of("q", "cw-2025-000777"));
                for (var q : queries.entrySet()) {
                    for (int i = 0; i < 5; i++) list(p, token, q.getValue());
                    var times = new ArrayList<Double>();
                    for (int i = 0; i < 21; i++) {
                        long t0 = System.nanoTime();
                        list(p, token, q.getValue());
                        times.add((System.nanoTime() - t0) / 1e6);
                    }
                    times.sort(Double::compare);
                    results.computeIfAbsent(q.getKey(), k -> new ArrayList<>()).add(times.get(times.size() / 2));
                }
            }
        }
        System.out.println("\nGET /charters median ms (limit 50, through the gateway):   1k      100k");
        results.forEach((name, ms) -> System.out.printf("  %-28s %8.1f  %8.1f%n", name, ms.get(0), ms.get(1)));
    }

    private static void list(Platform p, String token, Map<String, Object> query) {
        var r = p.raw(CharterPlatform.CHARTERS).auth().oauth2(token).queryParams(query).get("/charters");
        assertEquals(200, r.statusCode(), r::asString);
    }

    /** size charters over two years for 50 clients, each with 2 stops, 1 vehicle line and 1 quote; one in 5000 mentions Zanzibar. */
    private static List<String> seed(String url, int size) throws SQLException {
        var clients = new ArrayList<String>();
        for (int i = 0; i < CLIENTS; i++) clients.add(UUID.randomUUID().toString());
        String clientArray = "array['" + String.join("','", clients) + "']::uuid[]";
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("insert into charter.charters (id, reference, client_id, trip_type, status, passenger_count, pickup_at, ends_at, "
                    + "miles, notes, search_text, created_by) "
                    + "select gen_random_uuid(), 'CW-2025-' || lpad(g::text, 6, '0'), (" + clientArray + ")[1 + g % " + CLIENTS + "], "
                    + "'round_trip', (array['inquiry','quoted','booked','confirmed','completed','cancelled'])[1 + g % 6], 30, "
                    + "timestamptz '2026-01-01' + (g % 730) * interval '1 day' + (g % 10) * interval '1 hour', "
                    + "timestamptz '2026-01-01' + (g % 730) * interval '1 day' + (g % 10 + 8) * interval '1 hour', 100, "
                    + "case when g % 5000 = 0 then 'Zanzibar tour' else 'Seeded' end, "
                    + "'cw-2025-' || lpad(g::text, 6, '0') || case when g % 5000 = 0 then ' zanzibar tour ' else ' seeded ' end || md5(g::text), 'bench' "
                    + "from generate_series(1, " + size + ") g");
            s.execute("insert into charter.charter_stops (id, charter_id, sequence, address) "
                    + "select gen_random_uuid(), id, n, 'Stop ' || n from charter.charters, generate_series(1, 2) n");
            s.execute("insert into charter.charter_vehicle_lines (id, charter_id, position, vehicle_type, capacity) "
                    + "select gen_random_uuid(), id, 1, 'coach_56', 56 from charter.charters");
            s.execute("insert into charter.charter_quotes (id, charter_id, version, status, lines, subtotal, discount, fuel_surcharge, tax, "
                    + "total, charter_version, valid_until, created_by) "
                    + "select gen_random_uuid(), id, 1, 'sent', '[]', 1000, 0, 0, 0, 1000, 1, now() + interval '14 days', 'bench' from charter.charters");
            s.execute("analyze");
        }
        return clients;
    }
}
