package com.coachway.stack;

import com.coachway.common.http.Json;
import com.coachway.testkit.Platform;
import com.coachway.testkit.Rows;
import com.coachway.testkit.RepoFiles;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of every service, through the gateway, fed what a careless or hostile caller
 * sends: bodies that are not objects, every property with the wrong type or an impossible value,
 * ids that are not ids, query parameters of every wrong kind, other media types, oversize bodies,
 * and null for every field the contract does not mark nullable (a 400 naming the field, never
 * "absent"). None may be a 5xx; every refusal is problem+json, is in the operation's openapi.yaml, and writes
 * nothing. The operations come from the openapi.yaml files, so a new endpoint is covered the day
 * it is written down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    Platform platform;
    final TestDocumentStore documents = new TestDocumentStore();
    private String adminToken;
    private long adminTokenAt;
    Connection db;
    String contentHashSql;
    /** Real ids by "first path segment/parameter", so bad bodies reach the handlers behind the path. */
    final Map<String, String> ids = new HashMap<>();
    final List<String> failures = new ArrayList<>();
    int requests;

    @BeforeAll
    void start() throws Exception {
        // Every read of the gateway's clock is a minute later, so no rate-limit window fills: the
        // public routes (login, unsubscribe) get every bad body too, not a 429 after the 30th.
        var minutes = new java.util.concurrent.atomic.AtomicLong();
        var ticking = new java.time.Clock() {
            public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
            public java.time.Instant instant() { return java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(61 * minutes.incrementAndGet()); }
        };
        var builder = Platform.builder().env("MONGO_URL", documents.url()).gatewayClock(ticking);
        for (var s : Services.ALL) builder.service(s.host(), routeOf(spec(s.host())), s.starter());
        platform = builder.start();
        adminToken = platform.adminToken();
        adminTokenAt = System.nanoTime();
        db = DriverManager.getConnection(platform.databaseUrl());
        contentHashSql = contentHashSql();
        createRecords();
    }

    @AfterAll
    void stop() throws Exception {
        if (db != null) db.close();
        if (platform != null) platform.close();
        documents.close();
    }

    /**
     * The admin's access token, signed in again after 10 minutes: the sweep can outlast the
     * 15-minute token on a slow machine, and an expired token would turn every refusal into a 401.
     */
    private String admin() {
        if (System.nanoTime() - adminTokenAt > java.time.Duration.ofMinutes(10).toNanos()) {
            adminToken = platform.login(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
            adminTokenAt = System.nanoTime();
            knownHash = null; // signing in wrote a session
        }
        return adminToken;
    }

    private String serviceToken;
    private long serviceTokenAt;
    /** Whether the operation being swept takes a service token only (x-service-only in its contract). */
    private boolean serviceOnly;

    /** The token the sweep sends: a service's for a service-only receiver (admin is refused there), else admin's. */
    private String token() {
        if (!serviceOnly) return admin();
        if (serviceToken == null || System.nanoTime() - serviceTokenAt > java.time.Duration.ofMinutes(10).toNanos()) {
            serviceToken = platform.serviceToken("charter-service");
            serviceTokenAt = System.nanoTime();
            knownHash = null; // issuing a token may write

        }
        return serviceToken;
    }

    private static OpenAPI spec(String host) {
        var options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        Path file = RepoFiles.root().resolve("modules/" + host + "/src/main/resources/openapi.yaml");
        OpenAPI api = new OpenAPIV3Parser().read(file.toString(), null, options);
        if (api == null) throw new IllegalStateException("cannot read " + file);
        return api;
    }

    private static String routeOf(OpenAPI api) {
        return api.getServers().getFirst().getUrl();
    }

    // ---- records the bad requests aim at ----

    private RequestSpecification as(String route) {
        return platform.api(route).auth().oauth2(admin()).contentType("application/json");
    }

    private String created(Response r) {
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    private void createRecords() {
        String auth = "/api/v1/auth", clients = "/api/v1/clients", pricing = "/api/v1/pricing", charters = "/api/v1/charters";
        ids.put("users/id", created(as(auth).body(Map.of("email", "fuzz-" + UUID.randomUUID() + "@example.com",
                "full_name", "Fuzz Target", "password", "Fuzz-Target-2026", "roles", List.of("sales_agent"))).post("/users")));
        as(auth).body(Map.of("name", "fuzz_role", "permissions", List.of("clients:read"))).post("/roles").then().statusCode(201);
        ids.put("roles/name", "fuzz_role");

        String client = created(as(clients).body(Map.of("name", "Fuzz Tours", "type", "corporate",
                "email", "fuzz-" + UUID.randomUUID() + "@example.com")).post("/clients"));
        ids.put("clients/id", client);
        ids.put("clients/contact_id", created(as(clients).body(Map.of("name", "Fuzz Contact", "email", "contact@example.com"))
                .post("/clients/" + client + "/contacts")));

        ids.put("rates/id", as(pricing).get("/rates").path("items[0].id"));
        ids.put("amenities/code", as(pricing).get("/amenities").path("items[0].code"));
        String code = "FUZZ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        as(pricing).body(Map.of("code", code, "discount_type", "percent", "discount_value", 10)).post("/promo-codes").then().statusCode(201);
        ids.put("promo-codes/code", code);
        ids.put("promo-codes/reference", "fuzz-reference");

        String charter = created(as(charters).body(charter(client, "2027-09-01")).post("/charters"));
        ids.put("charters/id", charter);
        ids.put("charters/line_id", as(charters).get("/charters/" + charter).path("vehicles[0].id"));
        ids.put("quotes/id", created(as(charters).body("{}").post("/charters/" + charter + "/quotes")));
        ids.put("vehicles/id", created(as(charters).body(Map.of("vehicle_type", "coach_56", "capacity", 56, "make", "MCI",
                "model", "J4500", "year", 2024, "plate", "FUZZ 1", "vin", "1M8PDMPA0RP012345")).post("/vehicles")));

        String booked = created(as(charters).body(charter(client, "2027-09-02")).post("/charters"));
        String quote = created(as(charters).body("{}").post("/charters/" + booked + "/quotes"));
        as(charters).body("{}").post("/quotes/" + quote + "/send").then().statusCode(200);
        as(charters).body("{}").post("/quotes/" + quote + "/accept").then().statusCode(200);
        ids.put("vendor-payments/id", created(as(charters).body(Map.of("vendor_id", UUID.randomUUID().toString(),
                "amount", 100, "due_date", "2027-09-30")).post("/charters/" + booked + "/vendor-payments")));

        // multipart: the contract validator cannot read such bodies, so the upload goes through raw()
        ids.put("documents/id", created(platform.raw("/api/v1/documents").auth().oauth2(admin())
                .multiPart("entity_type", "charter").multiPart("entity_id", charter).multiPart("kind", "contract")
                .multiPart("file", "fuzz.pdf", "%PDF-1.7\nfuzz target\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .post("/documents")));
        // The booking's schedule reaches payment-service through charter's outbox: a payment needs it.
        String payments = "/api/v1/payments";
        awaitBackgroundWorkDone();
        ids.put("payments/id", created(as(payments).body(Map.of("charter_id", booked, "client_id", client, "amount", 10,
                "method", "wire", "received_at", "2027-03-01T10:00:00Z")).post("/payments")));
        ids.put("balances/charter_id", booked);
        String notifications = "/api/v1/notifications";
        // a code no openapi.yaml names, so finding it in an answer means a leak
        ids.put("templates/code", "trip_reminder");
        Response queued = as(notifications).body(Map.of("channel", "email", "to", "fuzz@example.com", "subject", "Fuzz", "body", "Fuzz"))
                .post("/notifications");
        assertEquals(202, queued.statusCode(), queued::asString);
        ids.put("notifications/id", queued.path("id"));
        vendorRecords(booked);
        String dispatch = "/api/v1/dispatch";
        String driver = created(as(dispatch).body(Map.of("name", "Fuzz Driver", "license_number", "FUZZ1", "license_state", "NY",
                "license_class", "A", "passenger_endorsement", true, "license_expires_on", "2030-12-31",
                "medical_card_expires_on", "2030-12-31")).post("/drivers"));
        ids.put("drivers/id", driver);
        String assignment = created(as(dispatch).body(Map.of("charter_id", booked, "driver_id", driver, "vehicle_id", ids.get("vehicles/id"),
                "starts_at", "2027-09-02T08:00:00-04:00", "ends_at", "2027-09-02T12:00:00-04:00")).post("/assignments"));
        ids.put("assignments/id", assignment);
        ids.put("recoveries/id", created(as(dispatch).body(Map.of("assignment_id", assignment, "reason", "other")).post("/recoveries")));
        ids.put("tracking/vehicle_id", ids.get("vehicles/id"));
        ids.put("tracking/assignment_id", assignment);
        awaitBackgroundWorkDone();
        financeRecords(booked);
        salesRecords();
        changeRecords();
        // portals' own ids are the other services' (an admin is refused the client and vendor views)
        ids.put("client/id", ids.get("charters/id"));
        ids.put("vendor/id", ids.get("bid-requests/id"));
        awaitBackgroundWorkDone();
    }

    /** A lead with a task, an agent, a campaign and an address's email preference, for sales' paths. */
    private void salesRecords() {
        String sales = "/api/v1/sales";
        ids.put("agents/id", created(as(sales).body(Map.of("user_id", ids.get("users/id"), "name", "Fuzz Agent",
                "email", "fuzz-agent@example.com")).post("/agents")));
        ids.put("leads/id", created(as(sales).body(Map.of("name", "Fuzz Lead", "email", "fuzz-lead@example.com",
                "source", "website")).post("/leads")));
        ids.put("leads/activity_id", created(as(sales).body(Map.of("type", "task", "subject", "Fuzz task"))
                .post("/leads/" + ids.get("leads/id") + "/activities")));
        ids.put("campaigns/id", created(as(sales).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("name", "Fuzz", "subject", "Fuzz", "body", "Fuzz", "audience", Map.of())).post("/campaigns")));
        as(sales).body(Map.of("marketing_opt_in", true)).put("/email-preferences/fuzz-lead@example.com").then().statusCode(200);
        ids.put("email-preferences/email", "fuzz-lead@example.com");
    }

    /** A change case on the first charter, for change-mgmt's paths. */
    private void changeRecords() {
        ids.put("cases/id", created(as("/api/v1/change-mgmt").body(Map.of("charter_id", ids.get("charters/id"),
                "type", "passenger_count_change", "description", "Fuzz target",
                "requested_changes", Map.of("passengers", 42))).post("/cases")));
    }

    /** An issued invoice of the booked charter, a vendor bill and a manual journal entry, for finance's paths. */
    private void financeRecords(String bookedCharter) {
        String finance = "/api/v1/finance";
        String today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).toString();
        ids.put("invoices/id", created(as(finance).body(Map.of("issue", true)).post("/invoices/from-charter/" + bookedCharter)));
        ids.put("invoices/charter_id", bookedCharter);
        ids.put("bills/id", created(as(finance).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("vendor_id", ids.get("vendors/id"), "amount", 100, "bill_date", today, "due_date", today)).post("/bills")));
        ids.put("ledger/id", created(as(finance).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("entry_date", today, "memo", "fuzz target", "lines", List.of(
                        Map.of("account", "cash", "debit", 1), Map.of("account", "revenue", "credit", 1)))).post("/ledger/entries")));
        ids.put("periods/month", "2020-01");
    }

    /** An approved, compliant vendor, a bid request for the booked charter and the vendor's bid on it. */
    private void vendorRecords(String bookedCharter) {
        String vendors = "/api/v1/vendors";
        String vendor = created(as(vendors).body(Map.of("name", "Fuzz Coaches", "email", "fuzz-vendor@example.com",
                "service_states", List.of("MA"))).post("/vendors"));
        ids.put("vendors/id", vendor);
        for (var paper : List.of(Map.of("kind", "liability_insurance", "issued_on", "2026-01-01", "expires_on", "2099-12-31",
                        "coverage_amount", 5000000), Map.of("kind", "operating_authority", "issued_on", "2026-01-01"),
                Map.of("kind", "w9", "issued_on", "2026-01-01"))) {
            created(as(vendors).body(paper).post("/vendors/" + vendor + "/compliance-documents"));
        }
        as(vendors).body(Map.of("version", 1, "status", "approved")).patch("/vendors/" + vendor).then().statusCode(200);
        String request = created(as(vendors).body(Map.of("charter_id", bookedCharter, "vehicle_type", "coach_56",
                "respond_by", "2027-08-01T12:00:00Z")).post("/bid-requests"));
        ids.put("bid-requests/id", request);
        ids.put("bid-requests/bid_id", created(platform.api(vendors).auth().oauth2(platform.portalToken("vendor", UUID.fromString(vendor)))
                .contentType("application/json").body(Map.of("amount", 100, "vehicle_type", "coach_56"))
                .post("/bid-requests/" + request + "/bids")));
    }

    /**
     * The sweep compares table contents before and after each refusal, so the work the records above
     * set off in the background (the quote email and the payment schedule through charter's outbox,
     * the messages' sending)
     * must be over first.
     */
    private void awaitBackgroundWorkDone() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        String busy = backlogSql();
        while (true) {
            try (var s = db.createStatement(); var rs = s.executeQuery(busy)) {
                rs.next();
                if (rs.getLong(1) == 0) return;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) throw new AssertionError("background work (outbox, notification sending) did not finish");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Rows still to be delivered in every service's outbox (every schema with an outbox table: the
     * audit trail made every producer one) and messages still queued for sending.
     */
    private String backlogSql() {
        var parts = new ArrayList<String>();
        parts.add("(select count(*) from notification.notifications where status = 'queued')");
        try (var s = db.createStatement(); var rs = s.executeQuery("select table_schema from information_schema.tables "
                + "where table_name = 'outbox' and table_type = 'BASE TABLE' order by 1")) {
            while (rs.next()) parts.add("(select count(*) from " + rs.getString(1) + ".outbox where status = 'pending')");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return "select " + String.join(" + ", parts);
    }

    private static Map<String, Object> charter(String client, String day) {
        return Map.of("client_id", client, "trip_type", "round_trip", "passenger_count", 40,
                "pickup_at", day + "T08:00:00-04:00", "return_at", day + "T18:00:00-04:00",
                "stops", List.of(Map.of("sequence", 1, "address", "1 Main St, Springfield", "depart_at", day + "T08:00:00-04:00"),
                        Map.of("sequence", 2, "address", "Science Museum, Boston", "arrive_at", day + "T10:30:00-04:00")),
                "vehicles", List.of(Map.of("vehicle_type", "coach_56", "quantity", 1)), "miles", 120);
    }

    // ---- what "writes nothing" means: the content of every table is unchanged ----

    private String contentHashSql() throws Exception {
        var parts = new ArrayList<String>();
        try (var s = db.createStatement(); var rs = s.executeQuery("select table_schema, table_name from information_schema.tables "
                + "where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE' "
                + "and table_name not like 'flyway%' order by 1, 2")) {
            while (rs.next()) {
                parts.add("select coalesce(sum(hashtext(t::text)::numeric), 0) + count(*) h from "
                        + rs.getString(1) + "." + rs.getString(2) + " t");
            }
        }
        return "select sum(h)::text from (" + String.join(" union all ", parts) + ") x";
    }

    /**
     * The content hash as last computed, while no request since can have written (a refusal that
     * changed nothing leaves it true); null when it must be computed again. Reusing one refusal's
     * "after" as the next one's "before" halves the sweep's hashing of every table.
     */
    private String knownHash;

    private String hashBefore() {
        if (knownHash == null) knownHash = contentHash();
        return knownHash;
    }

    /** Whether the content is still {@code before}; the hash just computed becomes the known one. */
    private boolean unchangedSince(String before) {
        knownHash = contentHash();
        return knownHash.equals(before);
    }

    private String contentHash() {
        try (var s = db.createStatement(); var rs = s.executeQuery(contentHashSql)) {
            rs.next();
            return rs.getString(1) + " documents " + documents.contents();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the sweep ----

    @Test
    void no_bad_input_to_any_operation_is_a_5xx_an_undocumented_answer_or_a_write() {
        for (var service : Services.ALL) {
            OpenAPI api = spec(service.host());
            String route = routeOf(api);
            for (var path : api.getPaths().entrySet()) {
                for (var op : path.getValue().readOperationsMap().entrySet()) {
                    sweep(route, path.getKey(), op.getKey(), op.getValue(), path.getValue());
                }
            }
        }
        System.out.printf("bad-input sweep: %d requests, %d findings%n", requests, failures.size());
        assertTrue(requests > 1_000, "the sweep reached too few requests: " + requests);
        assertTrue(failures.isEmpty(), failures.size() + " findings:\n" + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    @Test
    void a_client_user_of_another_client_reaches_nothing_of_this_one() {
        String other = created(as("/api/v1/clients").body(Map.of("name", "Other Tours", "type", "school",
                "email", "other-" + UUID.randomUUID() + "@example.com")).post("/clients"));
        String token = platform.portalToken("client", UUID.fromString(other));
        var leaks = new ArrayList<String>();
        int tried = 0;
        for (var service : Services.ALL) {
            OpenAPI api = spec(service.host());
            String route = routeOf(api);
            for (var path : api.getPaths().entrySet()) {
                String real = fill(path.getKey(), Map.of());
                for (var op : path.getValue().readOperationsMap().entrySet()) {
                    tried++;
                    String before = contentHash();
                    var spec = platform.raw(route).auth().oauth2(token);
                    if (takesMultipart(op.getValue())) {
                        // an upload filed on this client's charter: for the other client it does not exist
                        spec = spec.multiPart("entity_type", "charter").multiPart("entity_id", ids.get("charters/id"))
                                .multiPart("kind", "contract").multiPart("file", "x.pdf", "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    } else if (op.getValue().getRequestBody() != null) {
                        spec = spec.contentType("application/json").body("{}");
                    }
                    Response r = spec.request(op.getKey().name(), real);
                    String label = op.getKey() + " " + route + real + " → " + r.statusCode();
                    int status = r.statusCode();
                    boolean refused = status == 400 || status == 401 || status == 403 || status == 404 || status == 429;
                    if (!refused && (status >= 300 || ids.values().stream().anyMatch(r.asString()::contains))) leaks.add(label + " " + abbreviate(r.asString()));
                    if (!contentHash().equals(before)) leaks.add(label + " and the database changed");
                }
            }
        }
        assertTrue(tried > 50, "too few operations: " + tried);
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    private void sweep(String route, String template, PathItem.HttpMethod method, Operation op, PathItem item) {
        serviceOnly = op.getExtensions() != null && Boolean.TRUE.equals(op.getExtensions().get("x-service-only"));
        var params = new ArrayList<Parameter>();
        if (item.getParameters() != null) params.addAll(item.getParameters());
        if (op.getParameters() != null) params.addAll(op.getParameters());
        List<String> pathParams = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        while (m.find()) pathParams.add(m.group(1));
        String realPath = fill(template, Map.of());
        if (realPath == null) {
            failures.add("no record for the parameters of " + template + "; add one to createRecords");
            return;
        }
        boolean hasBody = op.getRequestBody() != null;
        String emptyBody = hasBody ? "{}" : null;

        // Ids that are not ids, or not anybody's.
        for (String name : pathParams) {
            for (String bad : BadValues.PATH_SEGMENTS) {
                send(route, method, fill(template, Map.of(name, bad)), Map.of(), emptyBody, "application/json", false, "path " + name + "=" + abbreviate(bad));
            }
        }
        // Query parameters of every wrong kind (the real path, so the handler is reached).
        for (Parameter p : params) {
            if (!"query".equals(p.getIn())) continue;
            for (String bad : BadValues.QUERY_VALUES) {
                send(route, method, realPath, Map.of(p.getName(), bad), emptyBody, "application/json", false, "query " + p.getName() + "=" + abbreviate(bad));
            }
            send(route, method, realPath + "?" + p.getName() + "=%00", Map.of(), emptyBody, "application/json", true, "query " + p.getName() + "=NUL");
        }
        if (!hasBody || method == PathItem.HttpMethod.DELETE) return;

        // Bodies that are not what the operation takes.
        for (String body : BadValues.BODIES) {
            send(route, method, realPath, Map.of(), body, "application/json", false, "body " + abbreviate(body));
        }
        send(route, method, realPath, Map.of(), "name=x", "text/plain", false, "text/plain body");
        send(route, method, realPath, Map.of(), "{\"a\":\"" + "x".repeat(1_100_000) + "\"}", "application/json", false, "oversize body");

        // a multipart operation (document uploads) has its own sweep in its service's tests
        if (op.getRequestBody().getContent().get("application/json") == null) return;
        Schema<?> schema = op.getRequestBody().getContent().get("application/json").getSchema();
        if (schema == null || schema.getProperties() == null) return;
        for (var prop : schema.getProperties().entrySet()) {
            for (Object bad : BadValues.against(prop.getValue())) {
                var body = new LinkedHashMap<String, Object>();
                body.put(prop.getKey(), bad);
                send(route, method, realPath, Map.of(), json(body), "application/json", false, prop.getKey() + "=" + abbreviate(String.valueOf(bad)));
            }
            var body = new LinkedHashMap<String, Object>();
            body.put(prop.getKey(), null);
            sendNull(route, method, realPath, json(body), prop.getKey(), BadValues.nullable(prop.getValue()));
            // One level down: every property of the objects in an array (stops, vehicles, duty periods).
            Schema<?> items = BadValues.items(prop.getValue());
            if (items != null && items.getProperties() != null) {
                for (var inner : items.getProperties().entrySet()) {
                    for (Object bad : BadValues.against(inner.getValue()).subList(0, 6)) {
                        var element = new HashMap<String, Object>();
                        element.put(inner.getKey(), bad);
                        send(route, method, realPath, Map.of(), json(Map.of(prop.getKey(), List.of(element))), "application/json", false,
                                prop.getKey() + "[0]." + inner.getKey() + "=" + abbreviate(String.valueOf(bad)));
                    }
                    var element = new HashMap<String, Object>();
                    element.put(inner.getKey(), null);
                    sendNull(route, method, realPath, json(Map.of(prop.getKey(), List.of(element))),
                            prop.getKey() + "[0]." + inner.getKey(), BadValues.nullable(inner.getValue()));
                }
            }
        }
    }

    private static boolean takesMultipart(Operation op) {
        return op.getRequestBody() != null && op.getRequestBody().getContent().get("multipart/form-data") != null;
    }

        /** The template with real ids, except the overrides; null when some parameter has no record. */
    private String fill(String template, Map<String, String> overrides) {
        String first = template.split("/")[1];
        Matcher m = PARAM.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = overrides.containsKey(name) ? overrides.get(name) : ids.get(first + "/" + name);
            if (value == null) return null;
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void send(String route, PathItem.HttpMethod method, String path, Map<String, String> query, String body,
                      String contentType, boolean alreadyEncoded, String what) {
        requests++;
        String label = method + " " + route + path.split("\\?")[0] + " with " + what;
        String token = token();
        String before = hashBefore();
        Supplier<RequestSpecification> base = () -> platform.raw(route).auth().oauth2(token).urlEncodingEnabled(!alreadyEncoded);
        Response r;
        try {
            var spec = base.get().queryParams(query);
            if (body != null) spec = spec.contentType(contentType).body(body);
            r = spec.request(method.name(), path);
        } catch (RuntimeException e) {
            // The response validator's complaint: the answer is not one the openapi.yaml documents.
            failures.add(label + " → not as documented: " + errorsIn(e.getMessage()));
            knownHash = null;
            return;
        }
        int status = r.statusCode();
        if (status >= 500) {
            failures.add(label + " → " + status + " " + abbreviate(r.asString()));
            knownHash = null;
            return;
        }
        if (status >= 400) {
            String type = r.contentType();
            if (type == null || !type.startsWith("application/problem+json")) failures.add(label + " → " + status + " as " + type);
            if (!unchangedSince(before)) failures.add(label + " → " + status + " but the database changed");
        } else {
            // an accepted request may write, and set off deliveries (events, audit) that write later:
            // they must land before the next refusal's "before"
            awaitBackgroundWorkDone();
            knownHash = null;
        }
    }

    /**
     * {@code null} for a field: where the contract does not say {@code nullable}, it is not "absent"
     * but a mistake, refused with a 400 that names the field (and, like every refusal, writes nothing).
     */
    private void sendNull(String route, PathItem.HttpMethod method, String path, String body, String field, boolean nullable) {
        String what = field + "=null";
        if (nullable) {
            send(route, method, path, Map.of(), body, "application/json", false, what);
            return;
        }
        requests++;
        String label = method + " " + route + path + " with " + what + " (not nullable)";
        String token = token();
        String before = hashBefore();
        Response r;
        try {
            r = platform.raw(route).auth().oauth2(token).contentType("application/json").body(body).request(method.name(), path);
        } catch (RuntimeException e) {
            failures.add(label + " → not as documented: " + errorsIn(e.getMessage()));
            knownHash = null;
            return;
        }
        List<String> fields = r.statusCode() == 400 ? r.jsonPath().getList("errors.field", String.class) : List.of();
        if (r.statusCode() != 400 || fields == null || !fields.contains(field)) {
            failures.add(label + " → " + r.statusCode() + ", not a 400 naming " + field + ": " + abbreviate(r.asString()));
        }
        if (!unchangedSince(before)) failures.add(label + " → " + r.statusCode() + " but the database changed");
    }

    /** The ERROR-level messages of a validation report (request-side ones are ignored on purpose). */
    private static String errorsIn(String report) {
        var found = new ArrayList<String>();
        Matcher m = Pattern.compile("\"level\" : \"ERROR\",\\s*\"message\" : \"([^\"]*)\"").matcher(report);
        while (m.find()) found.add(m.group(1));
        return found.isEmpty() ? abbreviate(report.replaceAll("\\s+", " ")) : abbreviate(String.join("; ", found));
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) return "null";
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
