package com.coachway.analytics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every report over the book of src/test/resources/scenario.sql (its table says what each charter
 * is), with the figures derived by hand below, to the cent. New York is UTC−4 until 02:00 on
 * 2026-11-01 (EDT), then UTC−5: the range 2026-11-01..2026-11-16 is [2026-11-01T04:00Z,
 * 2026-11-17T05:00Z). "Now" is
 * 2026-11-16T17:00Z. Finance: CH1's invoice (1,500.00, issued 11-10) and CH2's (2,750.50, issued
 * 11-05) are made through finance-service's API from the seeded charters, and P1, P2 (CH1) and P3
 * (CH2) are posted to it as payment-service's outbox would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {
    /** Numbers exactly as written: 1500.00 stays 1500.00, so a figure is checked to the cent and to its 2 decimals. */
    static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    static final String ACME = "00000000-0000-4000-8000-00000000a001";
    static final String BETA = "00000000-0000-4000-8000-00000000a002";
    static final String V1 = "00000000-0000-4000-8000-00000000b001";
    static final String V2 = "00000000-0000-4000-8000-00000000b002";
    static final String V3 = "00000000-0000-4000-8000-00000000b003";
    static final String CH1 = "00000000-0000-4000-8000-00000000c001";
    static final String CH2 = "00000000-0000-4000-8000-00000000c002";

    AnalyticsPlatform ap;

    @BeforeAll
    void start() {
        ap = new AnalyticsPlatform();
        ap.runSql("scenario.sql");
        invoice(CH1, "2026-11-10");
        invoice(CH2, "2026-11-05");
        paymentEvent("00000000-0000-4000-8000-00000000e001", CH1, ACME, "375.00", "2026-11-02T16:00:00Z");
        paymentEvent("00000000-0000-4000-8000-00000000e002", CH1, ACME, "1125.00", "2026-11-09T15:00:00Z");
        paymentEvent("00000000-0000-4000-8000-00000000e003", CH2, ACME, "687.63", "2026-11-05T17:00:00Z");
    }

    @AfterAll
    void stop() {
        ap.close();
    }

    void invoice(String charterId, String issueDate) {
        Response r = ap.platform.api(AnalyticsPlatform.FINANCE).auth().oauth2(ap.platform.token("accountant"))
                .contentType("application/json").body(Map.of("issue", true, "issue_date", issueDate))
                .post("/invoices/from-charter/" + charterId);
        assertEquals(201, r.statusCode(), r::asString);
    }

    void paymentEvent(String paymentId, String charterId, String clientId, String amount, String at) {
        var b = new LinkedHashMap<String, Object>();
        b.put("payment_id", paymentId);
        b.put("charter_id", charterId);
        b.put("client_id", clientId);
        b.put("amount", new BigDecimal(amount));
        b.put("currency", "USD");
        b.put("method", "check");
        b.put("reference", "ref-" + paymentId.substring(32));
        b.put("received_at", at);
        b.put("succeeded_at", at);
        Response r = ap.platform.api(AnalyticsPlatform.FINANCE).auth().oauth2(ap.platform.serviceToken("payment-service"))
                .header("Idempotency-Key", "event-" + paymentId).contentType("application/json").body(b)
                .post("/events/payment-recorded");
        assertEquals(200, r.statusCode(), r::asString);
    }

    static JsonNode json(Response r) {
        assertEquals(200, r.statusCode(), r::asString);
        try {
            return EXACT.readTree(r.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    /** [key, label, bookings, booked_revenue, collected] of each row, money exact (scale 2). */
    static List<List<Object>> rows(JsonNode report) {
        var out = new ArrayList<List<Object>>();
        for (JsonNode r : report.get("rows")) {
            out.add(List.of(r.get("key").asText(), r.get("label").asText(), r.get("bookings").asLong(), r.get("booked_revenue").decimalValue(),
                    r.get("collected").decimalValue()));
        }
        return out;
    }

    JsonNode revenue(String groupBy) {
        return json(ap.as("manager").queryParam("from", "2026-11-01").queryParam("to", "2026-11-16").queryParam("group_by", groupBy)
                .get("/revenue"));
    }

    static void totals(JsonNode report, long bookings, String booked, String collected) {
        assertEquals(bookings, report.at("/totals/bookings").asLong());
        assertEquals(m(booked), report.at("/totals/booked_revenue").decimalValue());
        assertEquals(m(collected), report.at("/totals/collected").decimalValue());
    }

    // Bookings in range, not cancelled: CH1 11-02 1,500.00; CH2 11-05 2,750.50; CH3 11-09 (23:30 NY,
    // 04:30Z on the 10th) 820.25; CH8 11-16 640.00 → 4, 1,500.00 + 2,750.50 + 820.25 + 640.00 = 5,710.75.
    // Not: CH4 (cancelled since), CH7 and CH11 (booked in October).
    // Collected: P1 375.00 (11-02), P3 687.63 (11-05), P4 247.50 (11-06), P2 1,125.00 (11-09),
    // P7 205.06 (11-10, 00:00 NY), R1 −247.50 (11-12) → 2,392.69. Not: P5 (10-25), P6 (03:30Z on
    // 11-01 is 23:30 EDT on 10-31 in NY), P8 (failed), R2 (pending).

    @Test
    void revenue_by_day_puts_each_booking_on_its_booking_day_and_each_payment_on_its_own_day_in_new_york() {
        JsonNode r = revenue("day");
        assertEquals("day", r.get("group_by").asText());
        assertEquals(List.of(
                List.of("2026-11-02", "2026-11-02", 1L, m("1500.00"), m("375.00")),
                List.of("2026-11-05", "2026-11-05", 1L, m("2750.50"), m("687.63")),
                List.of("2026-11-06", "2026-11-06", 0L, m("0.00"), m("247.50")),
                List.of("2026-11-09", "2026-11-09", 1L, m("820.25"), m("1125.00")),
                List.of("2026-11-10", "2026-11-10", 0L, m("0.00"), m("205.06")),
                List.of("2026-11-12", "2026-11-12", 0L, m("0.00"), m("-247.50")),
                List.of("2026-11-16", "2026-11-16", 1L, m("640.00"), m("0.00"))), rows(r));
        totals(r, 4, "5710.75", "2392.69");
    }

    @Test
    void revenue_by_week_keys_iso_weeks_by_their_monday() {
        // W45 (11-02..08): CH1 + CH2 = 4,250.50; 375.00 + 687.63 + 247.50 = 1,310.13.
        // W46 (11-09..15): CH3 820.25; 1,125.00 + 205.06 − 247.50 = 1,082.56. W47 (11-16): CH8 640.00.
        JsonNode r = revenue("week");
        assertEquals(List.of(
                List.of("2026-11-02", "2026-W45", 2L, m("4250.50"), m("1310.13")),
                List.of("2026-11-09", "2026-W46", 1L, m("820.25"), m("1082.56")),
                List.of("2026-11-16", "2026-W47", 1L, m("640.00"), m("0.00"))), rows(r));
        totals(r, 4, "5710.75", "2392.69");
    }

    @Test
    void revenue_by_month_client_and_vehicle_type_adds_up_to_the_same_totals() {
        JsonNode month = revenue("month");
        assertEquals(List.of(List.of("2026-11", "2026-11", 4L, m("5710.75"), m("2392.69"))), rows(month));
        totals(month, 4, "5710.75", "2392.69");

        // Acme: CH1 + CH2 = 4,250.50; P1 + P2 + P3 = 375.00 + 1,125.00 + 687.63 = 2,187.63.
        // Beta: CH3 + CH8 = 820.25 + 640.00 = 1,460.25; P4 − R1 + P7 = 205.06.
        JsonNode client = revenue("client");
        assertEquals(List.of(
                List.of(ACME, "Acme Corp", 2L, m("4250.50"), m("2187.63")),
                List.of(BETA, "Beta School", 2L, m("1460.25"), m("205.06"))), rows(client));
        totals(client, 4, "5710.75", "2392.69");

        // coach_56: CH1 1,500.00, P1 + P2 = 1,500.00. mixed: CH2 (coach_56 + sprinter_14) 2,750.50, P3 687.63.
        // school_bus_48: CH3 820.25; P7 205.06 + CH4's P4 − R1 (0.00) = 205.06. sprinter_14: CH8 640.00.
        JsonNode type = revenue("vehicle_type");
        assertEquals(List.of(
                List.of("coach_56", "Motorcoach (56 passengers)", 1L, m("1500.00"), m("1500.00")),
                List.of("mixed", "Mixed vehicle types", 1L, m("2750.50"), m("687.63")),
                List.of("school_bus_48", "School bus (48 passengers)", 1L, m("820.25"), m("205.06")),
                List.of("sprinter_14", "Sprinter van (14 passengers)", 1L, m("640.00"), m("0.00"))), rows(type));
        totals(type, 4, "5710.75", "2392.69");
    }

    @Test
    void a_range_with_nothing_in_it_has_no_rows_and_zero_totals() {
        JsonNode r = json(ap.as("accountant").queryParam("from", "2025-01-01").queryParam("to", "2025-01-31")
                .queryParam("group_by", "day").get("/revenue"));
        assertEquals(0, r.get("rows").size());
        totals(r, 0, "0.00", "0.00");
    }

    @Test
    void charter_metrics_count_each_figure_by_its_own_date() {
        JsonNode r = json(ap.as("manager").queryParam("from", "2026-11-01").queryParam("to", "2026-11-16").get("/charters/metrics"));
        // pickup in range: CH6 inquiry (11-16), CH3 booked (11-16), CH7 in_progress (11-15), CH1 and CH11 completed
        assertEquals(Map.of("inquiry", 1, "quoted", 0, "booked", 1, "confirmed", 0, "in_progress", 1, "completed", 2, "cancelled", 0),
                EXACT.convertValue(r.get("by_status"), Map.class));
        assertEquals(4, r.get("trips").asLong());
        // created in range: CH2, CH3, CH4, CH5, CH6, CH8, CH9 (09:00 NY on 11-01), CH10; not CH1, CH7, CH11
        assertEquals(8, r.get("inquiries").asLong());
        // sent in range: CH1, CH2 v1 + v2, CH3, CH4, CH5, CH8, CH9, CH10 → 9 quotes of 8 charters, of which
        // CH1, CH2, CH3, CH8 are booked and not cancelled: 4 / 8 = 50.00 %
        assertEquals(9, r.get("quotes_sent").asLong());
        assertEquals(8, r.get("quoted_charters").asLong());
        assertEquals(4, r.get("converted_charters").asLong());
        assertEquals(m("50.00"), r.get("conversion_pct").decimalValue());
        assertEquals(4, r.get("bookings").asLong());
        assertEquals(m("5710.75"), r.get("booked_revenue").decimalValue());
        // lead days: CH1 11-10 − 11-02 = 8, CH2 11-20 − 11-05 = 15, CH3 11-16 − 11-09 = 7, CH8 11-19 − 11-16 = 3 → 33 / 4 = 8.25
        assertEquals(m("8.25"), r.get("average_lead_time_days").decimalValue());
        // cancelled in range: CH4 (11-12, booked at 990.00) and CH10 (11-13, never booked)
        assertEquals(2, r.get("cancellations").asLong());
        assertEquals(m("990.00"), r.get("cancelled_value").decimalValue());
    }

    @Test
    void vendors_are_ranked_by_score_then_punctuality_then_completed_trips() {
        JsonNode r = json(ap.as("manager").queryParam("from", "2026-11-01").queryParam("to", "2026-11-16").get("/vendors/performance"));
        // V1: trips CH1 (completed) + CH7 (in progress) = 2; rating 5 on time → 5.00, 100.00 %; bids BD1 (won 1,100.00), BD2 (lost)
        // V2: trips CH3 (booked) + CH11 (completed) = 2; ratings 3 (late) and 1 (backed out of CH3) → 2.00, on time 0 of 1 run
        //     = 0.00 %, 1 vendor cancellation; bids in range BD3 (won 1,950.00); BD4 was in October
        // V3: only BD5 (open) → unrated, ranked last
        var expected = List.of(
                List.of(1L, V1, "Valley Coaches", 2L, 1L, 0L, 1L, m("5.00"), m("100.00"), 2L, 1L, m("50.00"), m("1100.00")),
                List.of(2L, V2, "Summit Lines", 2L, 1L, 1L, 2L, m("2.00"), m("0.00"), 1L, 1L, m("100.00"), m("1950.00")));
        var vendors = r.get("vendors");
        assertEquals(3, vendors.size());
        for (int i = 0; i < 2; i++) assertEquals(expected.get(i), vendorRow(vendors.get(i)));
        JsonNode v3 = vendors.get(2);
        assertEquals(3, v3.get("rank").asLong());
        assertEquals(V3, v3.get("vendor_id").asText());
        assertTrue(v3.get("average_score").isNull() && v3.get("on_time_pct").isNull());
        assertEquals(1, v3.get("bids").asLong());
        assertEquals(m("0.00"), v3.get("win_pct").decimalValue());
        assertEquals(m("0.00"), v3.get("awarded_value").decimalValue());
    }

    static List<Object> vendorRow(JsonNode v) {
        return List.of(v.get("rank").asLong(), v.get("vendor_id").asText(), v.get("vendor_name").asText(), v.get("trips").asLong(),
                v.get("completed_trips").asLong(), v.get("vendor_cancellations").asLong(), v.get("ratings").asLong(),
                v.get("average_score").decimalValue(), v.get("on_time_pct").decimalValue(), v.get("bids").asLong(),
                v.get("bids_won").asLong(), v.get("win_pct").decimalValue(), v.get("awarded_value").decimalValue());
    }

    @Test
    void the_dashboard_shows_today_the_month_to_date_open_quotes_and_what_finance_is_owed() {
        JsonNode d = json(ap.as("accountant").get("/dashboard"));
        assertEquals("2026-11-16T17:00:00Z", d.get("as_of").asText());
        assertEquals("2026-11-16", d.get("date").asText());
        // pickup today: CH3 (booked) is a trip, CH6 (inquiry) is not; CH7 (picked up yesterday) is in progress
        assertEquals(1, d.get("today_trips").asLong());
        assertEquals(1, d.get("in_progress").asLong());
        // month to date = the range 11-01..11-16 above
        assertEquals(4, d.get("month_to_date_bookings").asLong());
        assertEquals(m("5710.75"), d.get("month_to_date_revenue").decimalValue());
        assertEquals(m("2392.69"), d.get("month_to_date_collected").decimalValue());
        // open: CH5's 3,100.00 only (CH9's lapsed on 11-15, CH10 is cancelled, CH2 v1 superseded)
        assertEquals(1, d.get("open_quotes").asLong());
        assertEquals(m("3100.00"), d.get("open_quote_value").decimalValue());
        // CH1's invoice 1,500.00 − P1 − P2 = 0.00; CH2's 2,750.50 − P3 687.63 = 2,062.87
        assertEquals(m("2062.87"), d.get("outstanding_receivables").decimalValue());
        // and finance's own AR control account says the same
        Response aging = ap.platform.api(AnalyticsPlatform.FINANCE).auth().oauth2(ap.platform.token("accountant"))
                .queryParam("as_of", "2026-11-16").get("/reports/ar-aging");
        assertEquals(m("2062.87"), json(aging).get("ar_control_balance").decimalValue());
        // 11-17..11-23: CH8 on 11-19, CH2 on 11-20 (CH6 is an inquiry, CH4 cancelled)
        var days = new LinkedHashMap<String, Long>();
        for (JsonNode day : d.get("next_7_days")) days.put(day.get("date").asText(), day.get("trips").asLong());
        assertEquals(List.of("2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"),
                List.copyOf(days.keySet()));
        assertEquals(List.of(0L, 0L, 1L, 1L, 0L, 0L, 0L), List.copyOf(days.values()));
    }

    // ---- CSV = JSON

    static List<CSVRecord> csv(Response r) {
        assertEquals(200, r.statusCode(), r::asString);
        assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(r.asString())).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode n) {
        return n.isNull() ? "" : n.isNumber() ? n.decimalValue().toPlainString() : n.asText();
    }

    @Test
    void every_revenue_grouping_as_csv_has_the_rows_of_the_json_then_the_totals() {
        for (String groupBy : List.of("day", "week", "month", "client", "vehicle_type")) {
            JsonNode json = revenue(groupBy);
            List<CSVRecord> records = csv(ap.as("manager").queryParam("from", "2026-11-01").queryParam("to", "2026-11-16")
                    .queryParam("group_by", groupBy).queryParam("format", "csv").get("/revenue"));
            assertEquals(json.get("rows").size() + 1, records.size());
            for (int i = 0; i < json.get("rows").size(); i++) {
                JsonNode row = json.get("rows").get(i);
                CSVRecord rec = records.get(i);
                for (String f : List.of("key", "label", "bookings", "booked_revenue", "collected")) assertEquals(text(row.get(f)), rec.get(f), f);
            }
            CSVRecord total = records.getLast();
            assertEquals("TOTAL", total.get("key"));
            assertEquals("5710.75", total.get("booked_revenue"));
            assertEquals("2392.69", total.get("collected"));
            assertEquals("4", total.get("bookings"));
        }
    }

    @Test
    void metrics_vendors_and_dashboard_as_csv_carry_the_figures_of_the_json() {
        JsonNode metrics = json(ap.as("manager").queryParam("from", "2026-11-01").queryParam("to", "2026-11-16").get("/charters/metrics"));
        Map<String, String> m = metricLines(csv(ap.as("manager").queryParam("from", "2026-11-01").queryParam("to", "2026-11-16")
                .queryParam("format", "csv").get("/charters/metrics")));
        metrics.fields().forEachRemaining(e -> {
            if (e.getKey().equals("by_status")) e.getValue().fields().forEachRemaining(s -> assertEquals(text(s.getValue()), m.get("by_status." + s.getKey())));
            else assertEquals(text(e.getValue()), m.get(e.getKey()), e.getKey());
        });
        assertEquals(metrics.size() + 6, m.size(), "by_status is 7 lines");

        JsonNode vendors = json(ap.as("manager").queryParam("from", "2026-11-01").queryParam("to", "2026-11-16").get("/vendors/performance"));
        List<CSVRecord> rows = csv(ap.as("manager").queryParam("from", "2026-11-01").queryParam("to", "2026-11-16")
                .queryParam("format", "csv").get("/vendors/performance"));
        assertEquals(vendors.get("vendors").size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode v = vendors.get("vendors").get(i);
            CSVRecord rec = rows.get(i);
            v.fields().forEachRemaining(e -> assertEquals(text(e.getValue()), rec.get(e.getKey()), e.getKey()));
        }

        JsonNode dash = json(ap.as("admin").get("/dashboard"));
        Map<String, String> d = metricLines(csv(ap.as("admin").queryParam("format", "csv").get("/dashboard")));
        dash.fields().forEachRemaining(e -> {
            if (e.getKey().equals("next_7_days")) {
                for (JsonNode day : e.getValue()) assertEquals(day.get("trips").asText(), d.get("next_7_days." + day.get("date").asText()));
            } else {
                assertEquals(text(e.getValue()), d.get(e.getKey()), e.getKey());
            }
        });
        assertEquals("2062.87", d.get("outstanding_receivables"));
    }

    static Map<String, String> metricLines(List<CSVRecord> records) {
        var out = new LinkedHashMap<String, String>();
        for (CSVRecord r : records) out.put(r.get("metric"), r.get("value"));
        return out;
    }

    // ---- bad input

    @Test
    void bad_dates_reversed_or_overlong_ranges_unknown_groupings_and_formats_are_400_problems() {
        for (String path : List.of("/revenue", "/charters/metrics", "/vendors/performance")) {
            var ok = Map.of("from", "2026-11-01", "to", "2026-11-16", "group_by", "day");
            for (String bad : List.of("2026-02-30", "2026-13-01", "16/11/2026", "yesterday", "2026-11-16T00:00:00Z", "2026-11-1", "")) {
                badRequest(path, with(ok, "from", bad), "from");
                badRequest(path, with(ok, "to", bad), "to");
            }
            badRequest(path, without(ok, "from"), "from");
            badRequest(path, without(ok, "to"), "to");
            badRequest(path, with(ok, "from", "2026-11-17"), "from");
            badRequest(path, with(with(ok, "from", "2016-01-01"), "to", "2026-11-16"), "to");
            badRequest(path, with(ok, "format", "xlsx"), "format");
            badRequest(path, with(ok, "format", "CSV"), "format");
        }
        var ok = Map.of("from", "2026-11-01", "to", "2026-11-16", "group_by", "day");
        for (String bad : List.of("year", "vehicle", "DAY", "client_id", "")) badRequest("/revenue", with(ok, "group_by", bad), "group_by");
        badRequest("/revenue", without(ok, "group_by"), "group_by");
        badRequest("/dashboard", Map.of("format", "pdf"), "format");
        // 2016-10-14..2026-11-30 is exactly 3,700 days: still a report; a day more is not
        ap.as("accountant").queryParam("from", "2016-10-14").queryParam("to", "2026-11-30").queryParam("group_by", "month")
                .get("/revenue").then().statusCode(200);
        badRequest("/revenue", Map.of("from", "2016-10-13", "to", "2026-11-30", "group_by", "month"), "to");
    }

    void badRequest(String path, Map<String, String> params, String field) {
        Response r = ap.rawAs("accountant").queryParams(params).get(path);
        assertEquals(400, r.statusCode(), () -> path + " " + params + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        List<String> fields = r.path("errors.field");
        assertTrue(fields != null && fields.contains(field), () -> path + " " + params + " should name " + field + ": " + r.asString());
    }

    static Map<String, String> with(Map<String, String> base, String k, String v) {
        var m = new LinkedHashMap<>(base);
        m.put(k, v);
        return m;
    }

    static Map<String, String> without(Map<String, String> base, String k) {
        var m = new LinkedHashMap<>(base);
        m.remove(k);
        return m;
    }

    @Test
    void only_admins_managers_and_accountants_read_reports() {
        var paths = Map.of("/revenue", Map.of("from", "2026-11-01", "to", "2026-11-16", "group_by", "day"),
                "/charters/metrics", Map.of("from", "2026-11-01", "to", "2026-11-16"),
                "/vendors/performance", Map.of("from", "2026-11-01", "to", "2026-11-16"),
                "/dashboard", Map.<String, String>of());
        paths.forEach((path, params) -> {
            for (String role : List.of("sales_agent", "dispatcher")) {
                ap.rawAs(role).queryParams(params).get(path).then().statusCode(403);
            }
            for (String portal : List.of("client", "vendor", "driver")) {
                ap.platform.raw(AnalyticsPlatform.ANALYTICS).auth().oauth2(ap.platform.portalToken(portal, java.util.UUID.fromString(ACME)))
                        .queryParams(params).get(path).then().statusCode(403);
            }
            ap.platform.raw(AnalyticsPlatform.ANALYTICS).queryParams(params).get(path).then().statusCode(401);
            for (String role : List.of("admin", "manager", "accountant")) ap.as(role).queryParams(params).get(path).then().statusCode(200);
        });
    }
}
