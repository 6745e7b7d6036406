package com.coachway.finance.reports;

import com.coachway.finance.FinancePlatform;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AP aging over bills entered by hand (POST /bills) and made from charter-service's vendor payment
 * events, with their payments, checked against figures worked out by hand (today is 2026-11-16).
 *
 * <pre>
 * Atlas Coaches
 *   A1 2,000.00  POST /bills, bill 08-01, due 08-31; paid 500.00 by hand 09-20
 *   A2   750.25  vendor payment event pending 10-05 (bill 10-05), due 10-20
 * Bayside Bus Co
 *   B1 1,234.56  vendor payment event pending 07-10 (bill 07-10), due 07-25; paid event 09-05 pays it all
 *   B2   320.00  POST /bills, bill 09-15, due 10-15; paid 120.00 by hand 11-12 (after the 09-30 as_of)
 * Cedar Motorcoach
 *   C1 5,000.00  POST /bills, bill 06-01, due 07-01; paid 1,000.00 by hand 07-15
 *   C2    89.99  vendor payment event approved 11-02 (bill 11-02), due 12-02
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayablesAgingTest {
    FinancePlatform fp;
    final String atlas = UUID.randomUUID().toString();
    final String bayside = UUID.randomUUID().toString();
    final String cedar = UUID.randomUUID().toString();

    @BeforeAll
    void enterTheBills() {
        fp = new FinancePlatform();
        fp.vendorIs(atlas, "Atlas Coaches");
        fp.vendorIs(bayside, "Bayside Bus Co");
        fp.vendorIs(cedar, "Cedar Motorcoach");

        String c1 = bill(cedar, "5000.00", "2026-06-01", "2026-07-01");
        pay(c1, "1000.00", "2026-07-15");
        String b1 = UUID.randomUUID().toString();
        vendorPayment(b1, bayside, "1234.56", "2026-07-25", "pending", "2026-07-10");
        String a1 = bill(atlas, "2000.00", "2026-08-01", "2026-08-31");
        vendorPayment(b1, bayside, "1234.56", "2026-07-25", "paid", "2026-09-05");
        String b2 = bill(bayside, "320.00", "2026-09-15", "2026-10-15");
        pay(a1, "500.00", "2026-09-20");
        vendorPayment(UUID.randomUUID().toString(), atlas, "750.25", "2026-10-20", "pending", "2026-10-05");
        vendorPayment(UUID.randomUUID().toString(), cedar, "89.99", "2026-12-02", "approved", "2026-11-02");
        pay(b2, "120.00", "2026-11-12");
    }

    @AfterAll
    void stop() {
        fp.close();
    }

    String bill(String vendor, String amount, String billDate, String dueDate) {
        var b = new LinkedHashMap<String, Object>();
        b.put("vendor_id", vendor);
        b.put("amount", new BigDecimal(amount));
        b.put("bill_date", billDate);
        b.put("due_date", dueDate);
        Response r = fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(b).post("/bills");
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    void pay(String billId, String amount, String paidOn) {
        fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("amount", new BigDecimal(amount), "paid_on", paidOn, "method", "ach"))
                .post("/bills/" + billId + "/payments").then().statusCode(201);
    }

    /** As charter-service's outbox sends it: changed_at is noon in New York on {@code on}. */
    void vendorPayment(String vendorPaymentId, String vendor, String amount, String dueDate, String status, String on) {
        var b = new LinkedHashMap<String, Object>();
        b.put("vendor_payment_id", vendorPaymentId);
        b.put("charter_id", UUID.randomUUID().toString());
        b.put("vendor_id", vendor);
        b.put("amount", new BigDecimal(amount));
        b.put("due_date", dueDate);
        b.put("status", status);
        b.put("changed_at", Instant.parse(on + "T17:00:00Z").toString());
        fp.event("vendor-payment", UUID.randomUUID().toString(), b).then().statusCode(200).body("status", equalTo("applied"));
    }

    Map<String, Object> aging(String asOf) {
        return fp.as("accountant").queryParam("as_of", asOf).get("/reports/ap-aging").then().statusCode(200)
                .body("as_of", equalTo(asOf)).extract().as(Map.class);
    }

    /** A vendor's row as the test writes it: name, current, 1_30, 31_60, 61_90, over_90, total. */
    static List<Object> row(Map<String, Object> v) {
        return List.of(v.get("vendor_name"), m(v.get("current")), m(v.get("1_30")), m(v.get("31_60")), m(v.get("61_90")),
                m(v.get("over_90")), m(v.get("total")));
    }

    static List<Object> row(String name, String current, String d30, String d60, String d90, String over, String total) {
        return List.of(name, new BigDecimal(current), new BigDecimal(d30), new BigDecimal(d60), new BigDecimal(d90), new BigDecimal(over),
                new BigDecimal(total));
    }

    static BigDecimal m(Object jsonNumber) {
        return new BigDecimal(jsonNumber.toString()).setScale(2);
    }

    static List<List<Object>> rows(Map<String, Object> aging) {
        var out = new ArrayList<List<Object>>();
        for (var v : (List<Map<String, Object>>) aging.get("vendors")) out.add(row(v));
        return out;
    }

    static List<Object> totals(Map<String, Object> aging) {
        var t = new LinkedHashMap<>((Map<String, Object>) aging.get("totals"));
        t.put("vendor_name", "TOTAL");
        return row(t);
    }

    @Test
    void ap_aging_on_the_last_day_of_august() {
        // Atlas: A1 2,000.00 due 08-31, 0 days past due → current (its 500.00 of 09-20 is after as_of); A2 not yet billed.
        // Bayside: B1 1,234.56 (the paid event is 09-05: not yet), due 07-25, 6 + 31 = 37 days → 31_60; B2 not yet billed.
        // Cedar: C1 5,000.00 − 1,000.00 paid 07-15 = 4,000.00, due 07-01, 30 + 31 = 61 days → 61_90; C2 not yet billed.
        var a = aging("2026-08-31");
        assertEquals(List.of(
                row("Atlas Coaches", "2000.00", "0.00", "0.00", "0.00", "0.00", "2000.00"),
                row("Bayside Bus Co", "0.00", "0.00", "1234.56", "0.00", "0.00", "1234.56"),
                row("Cedar Motorcoach", "0.00", "0.00", "0.00", "4000.00", "0.00", "4000.00")), rows(a));
        // total 2,000.00 + 1,234.56 + 4,000.00 = 7,234.56 = AP that day: bills 5,000 + 1,234.56 + 2,000 − paid 1,000
        assertEquals(row("TOTAL", "2000.00", "0.00", "1234.56", "4000.00", "0.00", "7234.56"), totals(a));
        assertEquals(new BigDecimal("7234.56"), m(a.get("ap_control_balance")));
    }

    @Test
    void ap_aging_on_the_last_day_of_september() {
        // Atlas: A1 2,000.00 − 500.00 (09-20) = 1,500.00, due 08-31, 30 days → 1_30.
        // Bayside: B1 paid in full 09-05 → settled; B2 320.00 (its 120.00 is dated 11-12, after as_of: not counted),
        //          due 10-15 → current.
        // Cedar: C1 4,000.00, due 07-01, 30 + 31 + 30 = 91 days → over_90.
        var a = aging("2026-09-30");
        assertEquals(List.of(
                row("Atlas Coaches", "0.00", "1500.00", "0.00", "0.00", "0.00", "1500.00"),
                row("Bayside Bus Co", "320.00", "0.00", "0.00", "0.00", "0.00", "320.00"),
                row("Cedar Motorcoach", "0.00", "0.00", "0.00", "0.00", "4000.00", "4000.00")), rows(a));
        // total 1,500 + 320 + 4,000 = 5,820.00 = bills 8,554.56 − paid 1,000 + 1,234.56 + 500 = 2,734.56
        assertEquals(row("TOTAL", "320.00", "1500.00", "0.00", "0.00", "4000.00", "5820.00"), totals(a));
        assertEquals(new BigDecimal("5820.00"), m(a.get("ap_control_balance")));
    }

    @Test
    void ap_aging_today() {
        // Atlas: A1 1,500.00, due 08-31, 30 + 31 + 16 = 77 days → 61_90; A2 750.25, due 10-20, 11 + 16 = 27 days → 1_30.
        // Bayside: B2 320.00 − 120.00 (11-12) = 200.00, due 10-15, 16 + 16 = 32 days → 31_60.
        // Cedar: C1 4,000.00, 91 + 31 + 16 = 138 days → over_90; C2 89.99 due 12-02 → current.
        var a = aging("2026-11-16");
        assertEquals(List.of(
                row("Atlas Coaches", "0.00", "750.25", "0.00", "1500.00", "0.00", "2250.25"),
                row("Bayside Bus Co", "0.00", "0.00", "200.00", "0.00", "0.00", "200.00"),
                row("Cedar Motorcoach", "89.99", "0.00", "0.00", "0.00", "4000.00", "4089.99")), rows(a));
        // total 2,250.25 + 200.00 + 4,089.99 = 6,540.24 = every bill 9,394.80 − every payment 2,854.56
        assertEquals(row("TOTAL", "89.99", "750.25", "200.00", "1500.00", "4000.00", "6540.24"), totals(a));
        assertEquals(new BigDecimal("6540.24"), m(a.get("ap_control_balance")));
        // and the ledger's accounts_payable says the same
        assertEquals(new BigDecimal("6540.24"), fp.balances(FinancePlatform.TODAY).get("accounts_payable"));
    }

    @Test
    void a_payment_counts_from_its_own_day_and_not_before() {
        // A1's 500.00 is dated 09-20: the day before Atlas owes 2,000.00, on the day 1,500.00
        assertEquals(new BigDecimal("2000.00"), vendorTotal(aging("2026-09-19"), "Atlas Coaches"));
        assertEquals(new BigDecimal("1500.00"), vendorTotal(aging("2026-09-20"), "Atlas Coaches"));
        // B2's 120.00 of 11-12: Bayside 320.00 on 11-11, 200.00 on 11-12
        assertEquals(new BigDecimal("320.00"), vendorTotal(aging("2026-11-11"), "Bayside Bus Co"));
        assertEquals(new BigDecimal("200.00"), vendorTotal(aging("2026-11-12"), "Bayside Bus Co"));
        // before the first bill: no rows, zero totals
        var none = aging("2026-05-31");
        assertEquals(List.of(), rows(none));
        assertEquals(row("TOTAL", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"), totals(none));
        assertEquals(new BigDecimal("0.00"), m(none.get("ap_control_balance")));
    }

    static BigDecimal vendorTotal(Map<String, Object> aging, String name) {
        return rows(aging).stream().filter(r -> name.equals(r.getFirst())).map(r -> (BigDecimal) r.get(6)).findFirst().orElseThrow();
    }

    @Test
    void the_csv_has_the_same_rows_and_totals_as_the_json() {
        for (String asOf : List.of("2026-08-31", "2026-09-30", "2026-11-16")) {
            var json = aging(asOf);
            var expected = new ArrayList<String>();
            expected.add("vendor_id,vendor_name,current,1_30,31_60,61_90,over_90,total");
            for (var v : (List<Map<String, Object>>) json.get("vendors")) {
                expected.add(v.get("vendor_id") + "," + csvRow(row(v)));
            }
            expected.add("TOTAL," + csvRow(totals(json)).replaceFirst("^TOTAL", ""));
            Response r = fp.as("accountant").queryParam("as_of", asOf).queryParam("format", "csv").get("/reports/ap-aging");
            r.then().statusCode(200);
            assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
            assertEquals(expected, Arrays.asList(r.asString().split("\r\n")), asOf);
        }
        // and today's, written out by hand
        String today = fp.as("manager").queryParam("as_of", "2026-11-16").queryParam("format", "csv").get("/reports/ap-aging")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(
                "vendor_id,vendor_name,current,1_30,31_60,61_90,over_90,total",
                atlas + ",Atlas Coaches,0.00,750.25,0.00,1500.00,0.00,2250.25",
                bayside + ",Bayside Bus Co,0.00,0.00,200.00,0.00,0.00,200.00",
                cedar + ",Cedar Motorcoach,89.99,0.00,0.00,0.00,4000.00,4089.99",
                "TOTAL,,89.99,750.25,200.00,1500.00,4000.00,6540.24"), Arrays.asList(today.split("\r\n")));
    }

    static String csvRow(List<Object> row) {
        return String.join(",", row.stream().map(c -> c instanceof BigDecimal d ? d.toPlainString() : (String) c).toList());
    }

    @Test
    void a_vendor_user_may_not_read_the_aging_and_a_bad_as_of_is_refused() {
        fp.asVendorUser(atlas).queryParam("as_of", "2026-11-16").get("/reports/ap-aging").then().statusCode(403);
        fp.asVendorUser(atlas).queryParam("as_of", "2026-11-16").queryParam("format", "csv").get("/reports/ap-aging").then().statusCode(403);
        fp.asClientUser(UUID.randomUUID().toString()).queryParam("as_of", "2026-11-16").get("/reports/ap-aging").then().statusCode(403);
        fp.rawAs("accountant").get("/reports/ap-aging").then().statusCode(400).body("errors.field", hasItem("as_of"));
        for (String bad : List.of("2026-02-29", "2026-11-31", "11/16/2026", "today", "2026-11-16T12:00:00Z", "20261116", "")) {
            fp.rawAs("accountant").queryParam("as_of", bad).get("/reports/ap-aging").then().statusCode(400)
                    .body("errors.field", hasItem("as_of"));
        }
        fp.rawAs("accountant").queryParam("as_of", "2026-11-16").queryParam("format", "pdf").get("/reports/ap-aging").then().statusCode(400);
    }
}
