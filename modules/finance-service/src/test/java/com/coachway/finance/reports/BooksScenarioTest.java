package com.coachway.finance.reports;

import com.coachway.finance.FinancePlatform;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.finance.FinancePlatform.charterStatus;
import static com.coachway.finance.FinancePlatform.paymentRecorded;
import static com.coachway.finance.FinancePlatform.paymentRefunded;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The books of June to November 2026, kept through the gateway and checked against figures worked
 * out by hand (today is 2026-11-16). Three clients, eleven charters:
 *
 * <pre>
 * Acme Corp (30 days)
 *   C1  1,000.00  deposit P1 300.00 06-05 (before any invoice: the client's credit); I1 issued 06-10 (due 07-10),
 *                 the credit applied at issue; P2 700.00 07-08 pays it; completed 07-15
 *   C2  2,500.00  I2 issued 08-01 (due 08-31); completed 08-20; P3 1,000.00 09-15
 *   C3    800.00  I3 issued 10-01 (due 10-31); goodwill credit 100.00 10-05
 * Blue Line Tours (15 days)
 *   C4  1,200.00  deposit P4 400.00 07-01; I4 issued 07-20 (due 08-04), the credit applied; completed 07-25;
 *                 P5 800.00 08-25 pays it
 *   C5    600.00  I5 issued 09-01 (due 09-16); P6 600.00 09-10 pays it; refund R1 150.00 of P6 09-30 reopens 150.00
 *   C6  2,000.00  I6 issued 10-10 (due 10-25); cancelled 10-11; cancellation-fee credit 1,500.00 10-12 (fee 500.00 recognised)
 * Coastal Schools (30 days)
 *   C7  3,000.00  I7 issued 06-15 (due 07-15); completed 06-20; 100.00 of P7 on 10-01
 *   C11   250.00  I11 issued 08-10 (due 09-09); voided today, 11-16
 *   C9    900.00  I9 issued 09-20 (due 10-20); completed 09-25; P7 1,000.00 10-01: 900.00 to I9 (its own charter
 *                 first), the 100.00 left to I7 (the oldest due of the rest)
 *   C10 1,500.00  I10 issued 10-20 (due 11-19); completed 10-25; P8 1,500.00 11-10 with a 45.00 card fee
 *   C8    450.00  I8 issued 11-01 (due 12-01)
 * </pre>
 * Vendor bills, as charter-service's vendor payment events make them (bill date = the event's day):
 * <pre>
 * Metro Coach Lines
 *   V7   C7  1,800.00  pending 06-20 (due 07-20); the paid event of 07-10 pays it all
 *   V9   C9    520.00  pending 09-25 (due 10-25)
 *   V6   C6    150.00  approved 10-12 (due 10-27): the vendor's own cancellation charge
 * Northern Motorcoach
 *   V2   C2  1,400.00  approved 08-20 (due 09-19); 600.00 paid by hand (POST /bills/{id}/payments) on 10-01
 *   V10  C10   975.50  pending 10-25 (due 11-24)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BooksScenarioTest {
    FinancePlatform fp;
    final String acme = UUID.randomUUID().toString();
    final String blue = UUID.randomUUID().toString();
    final String coastal = UUID.randomUUID().toString();
    final Map<String, String> charter = new LinkedHashMap<>();
    final Map<String, String> invoiceId = new LinkedHashMap<>();
    final Map<String, String> number = new LinkedHashMap<>();
    final Map<String, String> paymentRef = new LinkedHashMap<>();
    final String metro = UUID.randomUUID().toString();
    final String northern = UUID.randomUUID().toString();
    /** vendor payment id by bill name (V7 …), as charter-service numbers them. */
    final Map<String, String> vendorPayment = new LinkedHashMap<>();
    /** Every event posted, to deliver again: path, event id, body. */
    final List<Object[]> events = new ArrayList<>();

    @BeforeAll
    void keepTheBooks() {
        fp = new FinancePlatform();
        fp.clientIs(acme, "Acme Corp", 30);
        fp.clientIs(blue, "Blue Line Tours", 15);
        fp.clientIs(coastal, "Coastal Schools", 30);
        fp.vendorIs(metro, "Metro Coach Lines");
        fp.vendorIs(northern, "Northern Motorcoach");
        for (int i = 1; i <= 11; i++) charter.put("C" + i, UUID.randomUUID().toString());

        // in date order, as the events and the accountant's work would arrive
        pay("P1", acme, "C1", "300.00", "2026-06-05");
        issue("I1", acme, "C1", "1000.00", "2026-06-10");
        issue("I7", coastal, "C7", "3000.00", "2026-06-15");
        complete(coastal, "C7", "2026-06-20");
        vendorBill("V7", metro, "C7", "1800.00", "2026-07-20", "pending", "2026-06-20");
        pay("P4", blue, "C4", "400.00", "2026-07-01");
        pay("P2", acme, "C1", "700.00", "2026-07-08");
        vendorBill("V7", metro, "C7", "1800.00", "2026-07-20", "paid", "2026-07-10");
        complete(acme, "C1", "2026-07-15");
        issue("I4", blue, "C4", "1200.00", "2026-07-20");
        complete(blue, "C4", "2026-07-25");
        issue("I2", acme, "C2", "2500.00", "2026-08-01");
        issue("I11", coastal, "C11", "250.00", "2026-08-10");
        complete(acme, "C2", "2026-08-20");
        vendorBill("V2", northern, "C2", "1400.00", "2026-09-19", "approved", "2026-08-20");
        pay("P5", blue, "C4", "800.00", "2026-08-25");
        issue("I5", blue, "C5", "600.00", "2026-09-01");
        String p6 = pay("P6", blue, "C5", "600.00", "2026-09-10");
        pay("P3", acme, "C2", "1000.00", "2026-09-15");
        issue("I9", coastal, "C9", "900.00", "2026-09-20");
        complete(coastal, "C9", "2026-09-25");
        vendorBill("V9", metro, "C9", "520.00", "2026-10-25", "pending", "2026-09-25");
        event("payment-refunded", paymentRefunded(UUID.randomUUID().toString(), p6, blue, charter.get("C5"), "150.00", noon("2026-09-30")));
        issue("I3", acme, "C3", "800.00", "2026-10-01");
        pay("P7", coastal, "C9", "1000.00", "2026-10-01");
        payBill("C2", "600.00", "2026-10-01");
        credit("I3", "goodwill", "100.00", "2026-10-05");
        issue("I6", blue, "C6", "2000.00", "2026-10-10");
        event("charter-status", charterStatus(charter.get("C6"), blue, "cancelled", noon("2026-10-11")));
        credit("I6", "cancellation_fee", "1500.00", "2026-10-12");
        vendorBill("V6", metro, "C6", "150.00", "2026-10-27", "approved", "2026-10-12");
        issue("I10", coastal, "C10", "1500.00", "2026-10-20");
        complete(coastal, "C10", "2026-10-25");
        vendorBill("V10", northern, "C10", "975.50", "2026-11-24", "pending", "2026-10-25");
        issue("I8", coastal, "C8", "450.00", "2026-11-01");
        var p8 = paymentRecorded(UUID.randomUUID().toString(), coastal, charter.get("C10"), "1500.00", noon("2026-11-10"));
        p8.put("fee", new BigDecimal("45.00"));
        event("payment-recorded", p8);
        fp.as("accountant").contentType("application/json").body(Map.of("reason", "raised in error"))
                .post("/invoices/" + invoiceId.get("I11") + "/void").then().statusCode(200).body("status", equalTo("void"));
    }

    @AfterAll
    void stop() {
        fp.close();
    }

    static Instant noon(String date) {
        return Instant.parse(date + "T17:00:00Z");
    }

    void issue(String name, String client, String c, String total, String on) {
        fp.charterIs(charter.get(c), client, total);
        Response r = fp.as("accountant").contentType("application/json").body(Map.of("issue", true, "issue_date", on))
                .post("/invoices/from-charter/" + charter.get(c));
        assertEquals(201, r.statusCode(), r::asString);
        invoiceId.put(name, r.path("id"));
        number.put(name, r.path("number"));
    }

    String pay(String name, String client, String c, String amount, String on) {
        String id = UUID.randomUUID().toString();
        var body = paymentRecorded(id, client, charter.get(c), amount, noon(on));
        paymentRef.put(name, (String) body.get("reference"));
        event("payment-recorded", body);
        return id;
    }

    void complete(String client, String c, String on) {
        event("charter-status", charterStatus(charter.get(c), client, "completed", noon(on)));
    }

    void credit(String invoice, String kind, String amount, String on) {
        fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("kind", kind, "amount", new BigDecimal(amount), "memo_date", on, "reason", kind.replace('_', ' ')))
                .post("/invoices/" + invoiceId.get(invoice) + "/credit-memos").then().statusCode(201);
    }

    /** A vendor payment event as charter-service's outbox sends it, changed at noon in New York on {@code on}. */
    void vendorBill(String name, String vendor, String c, String amount, String dueDate, String status, String on) {
        var b = new LinkedHashMap<String, Object>();
        b.put("vendor_payment_id", vendorPayment.computeIfAbsent(name, n -> UUID.randomUUID().toString()));
        b.put("charter_id", charter.get(c));
        b.put("vendor_id", vendor);
        b.put("amount", new BigDecimal(amount));
        b.put("due_date", dueDate);
        b.put("status", status);
        b.put("changed_at", noon(on).toString());
        event("vendor-payment", b);
    }

    /** The accountant pays part of the bill of charter {@code c} by hand. */
    void payBill(String c, String amount, String paidOn) {
        List<String> ids = fp.as("accountant").queryParam("charter_id", charter.get(c)).get("/bills").then().statusCode(200)
                .extract().path("items.id");
        assertEquals(1, ids.size(), ids::toString);
        fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("amount", new BigDecimal(amount), "paid_on", paidOn, "method", "check", "reference", "chk " + c))
                .post("/bills/" + ids.getFirst() + "/payments").then().statusCode(201);
    }

    void event(String path, Map<String, Object> body) {
        String id = UUID.randomUUID().toString();
        fp.event(path, id, body).then().statusCode(200).body("status", equalTo("applied"));
        events.add(new Object[] {path, id, body});
    }

    Map<String, Object> aging(String asOf) {
        return fp.as("accountant").queryParam("as_of", asOf).get("/reports/ar-aging").then().statusCode(200).extract().as(Map.class);
    }

    /** A client's row as the test writes it: name, current, 1_30, 31_60, 61_90, over_90, total. */
    static List<Object> row(Map<String, Object> c) {
        return List.of(c.get("client_name"), m(c.get("current")), m(c.get("1_30")), m(c.get("31_60")), m(c.get("61_90")),
                m(c.get("over_90")), m(c.get("total")));
    }

    static List<Object> row(String name, String current, String d30, String d60, String d90, String over, String total) {
        return List.of(name, new BigDecimal(current), new BigDecimal(d30), new BigDecimal(d60), new BigDecimal(d90), new BigDecimal(over),
                new BigDecimal(total));
    }

    static BigDecimal m(Object jsonNumber) {
        return new BigDecimal(jsonNumber.toString()).setScale(2);
    }

    List<List<Object>> rows(Map<String, Object> aging) {
        List<Map<String, Object>> clients = (List<Map<String, Object>>) aging.get("clients");
        var out = new ArrayList<List<Object>>();
        for (var c : clients) out.add(row(c));
        return out;
    }

    @Test
    @Order(1)
    void aging_on_the_last_day_of_august() {
        // Acme: I2 2,500.00 due 08-31, 0 days past due → current (P3 of 09-15 not yet); I1 settled 07-08.
        // Blue: I4 settled 08-25 (400.00 credit at issue + P5 800.00); nothing else issued yet → no row.
        // Coastal: I7 3,000.00 due 07-15, 47 days → 31_60 (P7's 100.00 is dated 10-01: not counted);
        //          I11 250.00 due 09-09 → current.
        var a = aging("2026-08-31");
        assertEquals(List.of(
                row("Acme Corp", "2500.00", "0.00", "0.00", "0.00", "0.00", "2500.00"),
                row("Coastal Schools", "250.00", "0.00", "3000.00", "0.00", "0.00", "3250.00")), rows(a));
        // totals: current 2,500 + 250 = 2,750.00; 31_60 3,000.00; total 5,750.00 = the AR account that day
        assertEquals(row("TOTAL", "2750.00", "0.00", "3000.00", "0.00", "0.00", "5750.00"), row(withName((Map<String, Object>) a.get("totals"))));
        assertEquals(new BigDecimal("5750.00"), m(a.get("ar_control_balance")));
    }

    @Test
    @Order(2)
    void aging_on_the_last_day_of_september() {
        // Acme: I2 2,500.00 − P3 1,000.00 (09-15) = 1,500.00, 30 days past due → 1_30.
        // Blue: I5 600.00 − (P6 600.00 − refund 150.00 taken back 09-30) = 150.00, due 09-16, 14 days → 1_30.
        // Coastal: I7 3,000.00, 77 days → 61_90; I11 250.00, due 09-09, 21 days → 1_30; I9 900.00 due 10-20 → current
        //          (P7 is 10-01: after as_of, not counted).
        var a = aging("2026-09-30");
        assertEquals(List.of(
                row("Acme Corp", "0.00", "1500.00", "0.00", "0.00", "0.00", "1500.00"),
                row("Blue Line Tours", "0.00", "150.00", "0.00", "0.00", "0.00", "150.00"),
                row("Coastal Schools", "900.00", "250.00", "0.00", "3000.00", "0.00", "4150.00")), rows(a));
        // totals: current 900.00; 1_30 1,500 + 150 + 250 = 1,900.00; 61_90 3,000.00; total 5,800.00
        assertEquals(row("TOTAL", "900.00", "1900.00", "0.00", "3000.00", "0.00", "5800.00"), row(withName((Map<String, Object>) a.get("totals"))));
        assertEquals(new BigDecimal("5800.00"), m(a.get("ar_control_balance")));
    }

    @Test
    @Order(3)
    void aging_today() {
        // Acme: I2 1,500.00, due 08-31, 77 days → 61_90; I3 800.00 − goodwill 100.00 = 700.00, due 10-31, 16 days → 1_30.
        // Blue: I5 150.00, due 09-16, 61 days → 61_90; I6 2,000.00 − 1,500.00 credit = 500.00 (the fee), due 10-25,
        //       22 days → 1_30.
        // Coastal: I7 3,000.00 − 100.00 of P7 = 2,900.00, due 07-15, 124 days → over_90; I8 450.00 due 12-01 → current;
        //          I9 and I10 paid; I11 voided today (on or before as_of → owes nothing).
        var a = aging("2026-11-16");
        assertEquals(List.of(
                row("Acme Corp", "0.00", "700.00", "0.00", "1500.00", "0.00", "2200.00"),
                row("Blue Line Tours", "0.00", "500.00", "0.00", "150.00", "0.00", "650.00"),
                row("Coastal Schools", "450.00", "0.00", "0.00", "0.00", "2900.00", "3350.00")), rows(a));
        // totals: current 450.00; 1_30 700 + 500 = 1,200.00; 61_90 1,500 + 150 = 1,650.00; over_90 2,900.00; total 6,200.00
        assertEquals(row("TOTAL", "450.00", "1200.00", "0.00", "1650.00", "2900.00", "6200.00"), row(withName((Map<String, Object>) a.get("totals"))));
        assertEquals(new BigDecimal("6200.00"), m(a.get("ar_control_balance")));
    }

    static Map<String, Object> withName(Map<String, Object> totals) {
        var t = new LinkedHashMap<>(totals);
        t.put("client_name", "TOTAL");
        return t;
    }

    @Test
    @Order(4)
    void payments_dated_after_as_of_do_not_count() {
        // P3 (1,000.00 on Acme's I2) is dated 09-15: the day before it I2 still owes 2,500.00, on the day 1,500.00
        assertEquals(new BigDecimal("2500.00"), acmeTotal(aging("2026-09-14")));
        assertEquals(new BigDecimal("1500.00"), acmeTotal(aging("2026-09-15")));
    }

    BigDecimal acmeTotal(Map<String, Object> aging) {
        return rows(aging).stream().filter(r -> "Acme Corp".equals(r.getFirst())).map(r -> (BigDecimal) r.get(6)).findFirst().orElseThrow();
    }

    @Test
    @Order(5)
    void the_trial_balance_today() {
        // cash: receipts 300 + 700 + 1,000 + 400 + 800 + 600 + 1,000 + 1,500 = 6,300.00, less the refund 150.00 and
        //       P8's card fee 45.00 = 6,105.00 from the clients, less the bills paid: V7 1,800.00 (its paid event) and 600.00
        //       of V2 (by hand) = 3,705.00
        // accounts_receivable: the open invoices, 6,200.00 (as the aging)
        // customer_deposits: invoices issued before their trip (all eleven) 14,200.00 + the deposits P1 300.00 and P4 400.00
        //       − those deposits applied at issue 700.00 − revenue recognised from it (C1 1,000 + C2 2,500 + C4 1,200 + C7 3,000
        //       + C9 900 + C10 1,500 = 10,100.00) − goodwill on I3 100.00 − the cancellation credit 1,500.00 and its fee
        //       500.00 − I11's void 250.00 = 1,750.00 = what is invoiced but not yet earned: I3 700 + I5 600 + I8 450
        // revenue: 10,100.00 + the cancellation fee 500.00 = 10,600.00; processing_fees: 45.00
        // cost_of_charter_services: every bill V7 1,800 + V2 1,400 + V9 520 + V6 150 + V10 975.50 = 4,845.50
        // accounts_payable: 4,845.50 − paid 2,400.00 = 2,445.50 (as the AP aging today)
        // debits 3,705 + 6,200 + 45 + 4,845.50 = 14,795.50 = credits 1,750 + 10,600 + 2,445.50
        var balances = fp.balances(FinancePlatform.TODAY);
        var expected = new LinkedHashMap<String, BigDecimal>();
        expected.put("cash", new BigDecimal("3705.00"));
        expected.put("accounts_receivable", new BigDecimal("6200.00"));
        expected.put("accounts_payable", new BigDecimal("2445.50"));
        expected.put("customer_deposits", new BigDecimal("1750.00"));
        expected.put("revenue", new BigDecimal("10600.00"));
        expected.put("cost_of_charter_services", new BigDecimal("4845.50"));
        expected.put("processing_fees", new BigDecimal("45.00"));
        assertEquals(expected, balances);
        // every entry's debits summed: 33,845.00 for the clients (P1 300, I1 1,000 + credit applied 300, I7 3,000, C7 3,000,
        // P4 400, P2 700, C1 1,000, I4 1,200 + 400, C4 1,200, I2 2,500, I11 250, C2 2,500, P5 800, I5 600, P6 600, P3 1,000,
        // I9 900, C9 900, R1 150, I3 800, P7 1,000, goodwill 100, I6 2,000, cancellation 1,500 + 500, I10 1,500, C10 1,500,
        // I8 450, P8 1,500 + fee 45, void 250) + the bills 4,845.50 + their payments 1,800 + 600 = 41,090.50, and the
        // credits the same
        fp.as("accountant").queryParam("as_of", "2026-11-16").get("/ledger/trial-balance").then().statusCode(200)
                .body("totals.debit", equalTo(41090.5f)).body("totals.credit", equalTo(41090.5f)).body("balanced", equalTo(true));
    }

    @Test
    @Order(6)
    void acmes_statement_for_july_to_october() {
        // before 07-01: P1 −300.00, I1 +1,000.00 → opening 700.00 (the credit applied at issue moves nothing for the client)
        var s = fp.as("accountant").queryParam("from", "2026-07-01").queryParam("to", "2026-10-31").get("/clients/" + acme + "/statement")
                .then().statusCode(200).extract().as(Map.class);
        assertEquals(new BigDecimal("700.00"), m(s.get("opening_balance")));
        assertEquals(List.of(
                List.of("2026-07-08", "payment", paymentRef.get("P2"), new BigDecimal("-700.00"), new BigDecimal("0.00")),
                List.of("2026-08-01", "invoice", number.get("I2"), new BigDecimal("2500.00"), new BigDecimal("2500.00")),
                List.of("2026-09-15", "payment", paymentRef.get("P3"), new BigDecimal("-1000.00"), new BigDecimal("1500.00")),
                List.of("2026-10-01", "invoice", number.get("I3"), new BigDecimal("800.00"), new BigDecimal("2300.00")),
                List.of("2026-10-05", "credit_memo", number.get("I3"), new BigDecimal("-100.00"), new BigDecimal("2200.00"))),
                lines(s));
        assertEquals(new BigDecimal("2200.00"), m(s.get("closing_balance")));
    }

    @Test
    @Order(7)
    void blue_lines_statement_from_september() {
        // before 09-01: P4 −400.00, I4 +1,200.00, P5 −800.00 → opening 0.00; closing 650.00 = its aging today
        var s = fp.asClientUser(blue).queryParam("from", "2026-09-01").queryParam("to", "2026-11-16").get("/clients/" + blue + "/statement")
                .then().statusCode(200).extract().as(Map.class);
        assertEquals(new BigDecimal("0.00"), m(s.get("opening_balance")));
        assertEquals(List.of(
                List.of("2026-09-01", "invoice", number.get("I5"), new BigDecimal("600.00"), new BigDecimal("600.00")),
                List.of("2026-09-10", "payment", paymentRef.get("P6"), new BigDecimal("-600.00"), new BigDecimal("0.00")),
                List.of("2026-09-30", "refund", paymentRef.get("P6"), new BigDecimal("150.00"), new BigDecimal("150.00")),
                List.of("2026-10-10", "invoice", number.get("I6"), new BigDecimal("2000.00"), new BigDecimal("2150.00")),
                List.of("2026-10-12", "credit_memo", number.get("I6"), new BigDecimal("-1500.00"), new BigDecimal("650.00"))),
                lines(s));
        assertEquals(new BigDecimal("650.00"), m(s.get("closing_balance")));
    }

    static List<List<Object>> lines(Map<String, Object> statement) {
        var out = new ArrayList<List<Object>>();
        for (var l : (List<Map<String, Object>>) statement.get("lines")) {
            out.add(List.of(l.get("date"), l.get("kind"), l.get("reference"), m(l.get("amount")), m(l.get("balance"))));
        }
        return out;
    }

    @Test
    @Order(8)
    void profitability_of_the_charters_recognised_in_september_and_october() {
        // recognised then: C9 (completed 09-25), C6 (cancellation fee 10-12), C10 (completed 10-25)
        // C9: revenue 900.00 − bill V9 520.00, no fee = 380.00; C10: revenue 1,500.00 − bill V10 975.50 − P8's fee 45.00
        // = 479.50; C6: the fee 500.00 is its revenue − the vendor's charge V6 150.00 = 350.00;
        // totals: revenue 2,900.00, vendor_cost 520 + 975.50 + 150 = 1,645.50, fees 45.00, margin 380 + 479.50 + 350 = 1,209.50
        Map<String, Object> p = fp.as("manager").queryParam("from", "2026-09-01").queryParam("to", "2026-10-31")
                .get("/reports/charter-profitability").then().statusCode(200).extract().as(Map.class);
        var byCharter = new LinkedHashMap<String, List<BigDecimal>>();
        for (var c : (List<Map<String, Object>>) p.get("charters")) {
            byCharter.put((String) c.get("charter_id"), List.of(m(c.get("revenue")), m(c.get("vendor_cost")), m(c.get("processing_fees")),
                    m(c.get("margin"))));
        }
        assertEquals(Map.of(
                charter.get("C9"), List.of(new BigDecimal("900.00"), new BigDecimal("520.00"), new BigDecimal("0.00"), new BigDecimal("380.00")),
                charter.get("C10"), List.of(new BigDecimal("1500.00"), new BigDecimal("975.50"), new BigDecimal("45.00"), new BigDecimal("479.50")),
                charter.get("C6"), List.of(new BigDecimal("500.00"), new BigDecimal("150.00"), new BigDecimal("0.00"), new BigDecimal("350.00"))),
                byCharter);
        Map<String, Object> t = (Map<String, Object>) p.get("totals");
        assertEquals(List.of(new BigDecimal("2900.00"), new BigDecimal("1645.50"), new BigDecimal("45.00"), new BigDecimal("1209.50")),
                List.of(m(t.get("revenue")), m(t.get("vendor_cost")), m(t.get("processing_fees")), m(t.get("margin"))));
    }

    @Test
    @Order(8)
    void profitability_of_the_charters_recognised_in_june_to_august() {
        // recognised then: C7 (completed 06-20), C1 (07-15), C4 (07-25), C2 (08-20); no card fees on their payments
        // C7: revenue 3,000.00 − bill V7 1,800.00 = 1,200.00 (its being paid changes no cost); C1: 1,000.00, no bill;
        // C4: 1,200.00, no bill; C2: 2,500.00 − bill V2 1,400.00 = 1,100.00;
        // totals: revenue 3,000 + 1,000 + 1,200 + 2,500 = 7,700.00, vendor_cost 1,800 + 1,400 = 3,200.00, margin 4,500.00
        Map<String, Object> p = fp.as("accountant").queryParam("from", "2026-06-01").queryParam("to", "2026-08-31")
                .get("/reports/charter-profitability").then().statusCode(200).extract().as(Map.class);
        var byCharter = new LinkedHashMap<String, List<BigDecimal>>();
        for (var c : (List<Map<String, Object>>) p.get("charters")) {
            byCharter.put((String) c.get("charter_id"), List.of(m(c.get("revenue")), m(c.get("vendor_cost")), m(c.get("processing_fees")),
                    m(c.get("margin"))));
        }
        assertEquals(Map.of(
                charter.get("C7"), List.of(new BigDecimal("3000.00"), new BigDecimal("1800.00"), new BigDecimal("0.00"), new BigDecimal("1200.00")),
                charter.get("C1"), List.of(new BigDecimal("1000.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("1000.00")),
                charter.get("C4"), List.of(new BigDecimal("1200.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("1200.00")),
                charter.get("C2"), List.of(new BigDecimal("2500.00"), new BigDecimal("1400.00"), new BigDecimal("0.00"), new BigDecimal("1100.00"))),
                byCharter);
        Map<String, Object> t = (Map<String, Object>) p.get("totals");
        assertEquals(List.of(new BigDecimal("7700.00"), new BigDecimal("3200.00"), new BigDecimal("0.00"), new BigDecimal("4500.00")),
                List.of(m(t.get("revenue")), m(t.get("vendor_cost")), m(t.get("processing_fees")), m(t.get("margin"))));
    }

    Map<String, Object> apAging(String asOf) {
        return fp.as("accountant").queryParam("as_of", asOf).get("/reports/ap-aging").then().statusCode(200).extract().as(Map.class);
    }

    /** A vendor's row as the test writes it (the same shape as a client's). */
    static List<Object> vendorRow(Map<String, Object> v) {
        var named = new LinkedHashMap<>(v);
        named.put("client_name", v.get("vendor_name"));
        return row(named);
    }

    List<List<Object>> vendorRows(Map<String, Object> aging) {
        var out = new ArrayList<List<Object>>();
        for (var v : (List<Map<String, Object>>) aging.get("vendors")) out.add(vendorRow(v));
        return out;
    }

    @Test
    @Order(8)
    void ap_aging_on_the_scenarios_three_dates() {
        // 08-31: V7 paid in full 07-10 → settled; V2 1,400.00 (billed 08-20), due 09-19 → current; the rest not yet billed.
        //        AP: 1,800 + 1,400 − 1,800 = 1,400.00
        var aug = apAging("2026-08-31");
        assertEquals(List.of(row("Northern Motorcoach", "1400.00", "0.00", "0.00", "0.00", "0.00", "1400.00")), vendorRows(aug));
        assertEquals(row("TOTAL", "1400.00", "0.00", "0.00", "0.00", "0.00", "1400.00"), row(withName((Map<String, Object>) aug.get("totals"))));
        assertEquals(new BigDecimal("1400.00"), m(aug.get("ap_control_balance")));

        // 09-30: V2 still 1,400.00 (the 600.00 paid 10-01 is after as_of: not counted), 11 days past due → 1_30;
        //        V9 520.00 (billed 09-25) due 10-25 → current. AP: 1,400 + 520 = 1,920.00
        var sep = apAging("2026-09-30");
        assertEquals(List.of(
                row("Metro Coach Lines", "520.00", "0.00", "0.00", "0.00", "0.00", "520.00"),
                row("Northern Motorcoach", "0.00", "1400.00", "0.00", "0.00", "0.00", "1400.00")), vendorRows(sep));
        assertEquals(row("TOTAL", "520.00", "1400.00", "0.00", "0.00", "0.00", "1920.00"), row(withName((Map<String, Object>) sep.get("totals"))));
        assertEquals(new BigDecimal("1920.00"), m(sep.get("ap_control_balance")));

        // 11-16: Metro: V9 520.00, due 10-25, 6 + 16 = 22 days → 1_30; V6 150.00, due 10-27, 4 + 16 = 20 days → 1_30: 670.00.
        //        Northern: V2 1,400 − 600 = 800.00, due 09-19, 11 + 31 + 16 = 58 days → 31_60; V10 975.50 due 11-24 → current.
        //        total 670 + 1,775.50 = 2,445.50 = the accounts_payable balance of the trial balance
        var today = apAging("2026-11-16");
        assertEquals(List.of(
                row("Metro Coach Lines", "0.00", "670.00", "0.00", "0.00", "0.00", "670.00"),
                row("Northern Motorcoach", "975.50", "0.00", "800.00", "0.00", "0.00", "1775.50")), vendorRows(today));
        assertEquals(row("TOTAL", "975.50", "670.00", "800.00", "0.00", "0.00", "2445.50"),
                row(withName((Map<String, Object>) today.get("totals"))));
        assertEquals(new BigDecimal("2445.50"), m(today.get("ap_control_balance")));
    }

    @Test
    @Order(9)
    void replaying_every_event_changes_nothing() {
        String trial = fp.as("accountant").queryParam("as_of", "2026-11-16").get("/ledger/trial-balance").asString();
        List<String> agings = agingTexts();
        long entries = fp.count("finance.journal_entry");
        for (Object[] e : events) {
            fp.event((String) e[0], (String) e[1], (Map<String, Object>) e[2]).then().statusCode(200).body("status", equalTo("duplicate"));
        }
        assertEquals(entries, fp.count("finance.journal_entry"));
        assertEquals(trial, fp.as("accountant").queryParam("as_of", "2026-11-16").get("/ledger/trial-balance").asString());
        assertEquals(agings, agingTexts());
    }

    /** AR then AP aging on the scenario's three dates, as the API writes them. */
    List<String> agingTexts() {
        var out = new ArrayList<String>();
        for (String report : List.of("/reports/ar-aging", "/reports/ap-aging")) {
            for (String d : List.of("2026-08-31", "2026-09-30", "2026-11-16")) {
                out.add(fp.as("accountant").queryParam("as_of", d).get(report).asString());
            }
        }
        return out;
    }

    @Test
    @Order(10)
    void posting_into_a_closed_period_is_a_conflict_and_changes_nothing() {
        String trial = fp.as("accountant").queryParam("as_of", "2026-11-16").get("/ledger/trial-balance").asString();
        fp.as("accountant").post("/periods/2026-06/close").then().statusCode(200);
        fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("kind", "goodwill", "amount", new BigDecimal("10.00"), "memo_date", "2026-06-30", "reason", "late"))
                .post("/invoices/" + invoiceId.get("I7") + "/credit-memos").then().statusCode(409)
                .body("detail", containsString("2026-06"));
        assertEquals(trial, fp.as("accountant").queryParam("as_of", "2026-11-16").get("/ledger/trial-balance").asString());
    }
}
