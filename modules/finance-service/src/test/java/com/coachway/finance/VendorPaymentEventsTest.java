package com.coachway.finance;

import com.coachway.testkit.Together;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static com.coachway.finance.FinancePlatform.TODAY;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** charter-service's vendor payment events become bills and bill payments, once, in any order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VendorPaymentEventsTest {
    /** 2026-11-10 15:00 UTC: 10:00 in New York. */
    static final Instant PENDING_AT = Instant.parse("2026-11-10T15:00:00Z");
    /** 2026-11-14 03:30 UTC: still the 13th in New York. */
    static final Instant PAID_AT = Instant.parse("2026-11-14T03:30:00Z");

    FinancePlatform fp;

    @BeforeAll
    void start() {
        fp = new FinancePlatform();
    }

    @AfterAll
    void stop() {
        fp.close();
    }

    record VendorPayment(String id, String charter, String vendor) {
        Map<String, Object> event(String status, String amount, Instant at) {
            var b = new LinkedHashMap<String, Object>();
            b.put("vendor_payment_id", id);
            b.put("charter_id", charter);
            b.put("vendor_id", vendor);
            b.put("amount", new BigDecimal(amount));
            b.put("due_date", "2026-12-10");
            b.put("status", status);
            b.put("changed_at", at.toString());
            return b;
        }
    }

    VendorPayment newPayment() {
        String vendor = UUID.randomUUID().toString();
        fp.vendorIs(vendor, "Coach Co " + vendor.substring(0, 4));
        return new VendorPayment(UUID.randomUUID().toString(), UUID.randomUUID().toString(), vendor);
    }

    Response send(Map<String, Object> body) {
        return fp.event("vendor-payment", UUID.randomUUID().toString(), body);
    }

    List<Map<String, Object>> billsOf(VendorPayment p) {
        return fp.rows("select id::text as id, status, amount, paid, bill_date::text as bill_date, due_date::text as due_date, vendor_name,"
                + " settled_on::text as settled_on, entry_id::text as entry_id from finance.bill where source_vendor_payment_id = ?::uuid", p.id());
    }

    List<Map<String, Object>> paymentsOf(String billId) {
        return fp.rows("select amount, paid_on::text as paid_on, method, source, entry_id::text as entry_id from finance.bill_payment"
                + " where bill_id = ?::uuid", billId);
    }

    List<Map<String, Object>> lines(String entryId) {
        return fp.rows("select a.name, l.debit, l.credit, l.vendor_id::text as vendor, l.charter_id::text as charter, l.bill_id::text as bill,"
                + " e.entry_date::text as date, e.source_type from finance.journal_line l join finance.account a on a.code = l.account_code"
                + " join finance.journal_entry e on e.id = l.entry_id where l.entry_id = ?::uuid order by l.line_no", entryId);
    }

    static void line(Map<String, Object> l, String account, String debit, String credit, VendorPayment p, String bill) {
        assertEquals(account, l.get("name"));
        assertEquals(new BigDecimal(debit), l.get("debit"), account + " debit");
        assertEquals(new BigDecimal(credit), l.get("credit"), account + " credit");
        assertEquals(p.vendor(), l.get("vendor"));
        assertEquals(p.charter(), l.get("charter"));
        assertEquals(bill, l.get("bill"));
    }

    @Test
    void pending_makes_the_bill_approved_adds_nothing_and_paid_pays_what_is_open() {
        var p = newPayment();
        String eventId = UUID.randomUUID().toString();
        Response first = fp.event("vendor-payment", eventId, p.event("pending", "612.40", PENDING_AT));
        first.then().statusCode(200).body("status", equalTo("applied")).body("event_id", equalTo(eventId));
        var bill = billsOf(p).getFirst();
        String billId = (String) bill.get("id");
        assertEquals(first.<String>path("entry_id"), bill.get("entry_id"));
        assertEquals("open", bill.get("status"));
        assertEquals("2026-11-10", bill.get("bill_date"));
        assertEquals("2026-12-10", bill.get("due_date"));
        assertEquals("Coach Co " + p.vendor().substring(0, 4), bill.get("vendor_name"));
        var lines = lines(first.path("entry_id"));
        assertEquals(2, lines.size());
        line(lines.get(0), "cost_of_charter_services", "612.40", "0.00", p, billId);
        line(lines.get(1), "accounts_payable", "0.00", "612.40", p, billId);
        assertEquals("2026-11-10", lines.get(0).get("date"));
        fp.as("manager").get("/bills/" + billId).then().statusCode(200).body("vendor_payment_id", equalTo(p.id()))
                .body("charter_id", equalTo(p.charter())).body("number", equalTo(null)).body("amount", equalTo(612.4f));

        // the same event again: the first answer, nothing new
        fp.event("vendor-payment", eventId, p.event("pending", "612.40", PENDING_AT)).then().statusCode(200)
                .body("status", equalTo("duplicate")).body("entry_id", equalTo(first.path("entry_id")));
        long entries = fp.count("finance.journal_entry");
        send(p.event("approved", "612.40", PENDING_AT.plusSeconds(3600))).then().statusCode(200)
                .body("status", equalTo("duplicate")).body("entry_id", equalTo(first.path("entry_id")));
        assertEquals(entries, fp.count("finance.journal_entry"));
        assertEquals(1, billsOf(p).size());

        Response paid = send(p.event("paid", "612.40", PAID_AT));
        paid.then().statusCode(200).body("status", equalTo("applied"));
        var payment = paymentsOf(billId).getFirst();
        assertEquals(new BigDecimal("612.40"), payment.get("amount"));
        assertEquals("2026-11-13", payment.get("paid_on"), "changed_at's date in New York");
        assertEquals("other", payment.get("method"));
        assertEquals("vendor_payment:" + p.id() + ":paid", payment.get("source"));
        assertEquals(paid.<String>path("entry_id"), payment.get("entry_id"));
        var payLines = lines(paid.path("entry_id"));
        assertEquals(2, payLines.size());
        line(payLines.get(0), "accounts_payable", "612.40", "0.00", p, billId);
        line(payLines.get(1), "cash", "0.00", "612.40", p, billId);
        assertEquals("2026-11-13", payLines.get(0).get("date"));
        assertEquals("bill_payment", payLines.get(0).get("source_type"));
        var after = billsOf(p).getFirst();
        assertEquals("paid", after.get("status"));
        assertEquals("2026-11-13", after.get("settled_on"));
        fp.as("manager").get("/bills/" + billId + "/payments").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].source", equalTo("vendor_payment:" + p.id() + ":paid")).body("items[0].created_by", equalTo("finance-service"));

        // paid again under another event id: the natural key says it is done
        send(p.event("paid", "612.40", PAID_AT)).then().statusCode(200).body("status", equalTo("duplicate"))
                .body("entry_id", equalTo(paid.path("entry_id")));
        assertEquals(1, paymentsOf(billId).size());
        fp.balances(TODAY);
    }

    @Test
    void paid_before_pending_makes_the_bill_and_pays_it_and_the_late_pending_changes_nothing() {
        var p = newPayment();
        Response paid = send(p.event("paid", "880.00", PAID_AT));
        paid.then().statusCode(200).body("status", equalTo("applied"));
        var bill = billsOf(p).getFirst();
        String billId = (String) bill.get("id");
        assertEquals("paid", bill.get("status"));
        assertEquals("2026-11-13", bill.get("bill_date"));
        assertEquals(new BigDecimal("880.00"), bill.get("paid"));
        var payment = paymentsOf(billId).getFirst();
        assertEquals(paid.<String>path("entry_id"), payment.get("entry_id"));
        assertNotEquals(bill.get("entry_id"), payment.get("entry_id"));
        line(lines((String) bill.get("entry_id")).get(0), "cost_of_charter_services", "880.00", "0.00", p, billId);
        line(lines((String) payment.get("entry_id")).get(1), "cash", "0.00", "880.00", p, billId);

        long entries = fp.count("finance.journal_entry");
        send(p.event("pending", "880.00", PENDING_AT)).then().statusCode(200).body("status", equalTo("duplicate"))
                .body("entry_id", equalTo(bill.get("entry_id")));
        send(p.event("approved", "880.00", PENDING_AT)).then().statusCode(200).body("status", equalTo("duplicate"));
        assertEquals(entries, fp.count("finance.journal_entry"));
        assertEquals(1, billsOf(p).size());
        assertEquals(1, paymentsOf(billId).size());
    }

    @Test
    void paid_pays_only_what_is_left_after_a_payment_made_by_hand() {
        var p = newPayment();
        send(p.event("approved", "500.00", PENDING_AT)).then().statusCode(200).body("status", equalTo("applied"));
        String billId = (String) billsOf(p).getFirst().get("id");
        fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("amount", 120.5, "paid_on", "2026-11-12", "method", "check")).post("/bills/" + billId + "/payments")
                .then().statusCode(201);
        send(p.event("paid", "500.00", PAID_AT)).then().statusCode(200).body("status", equalTo("applied"));
        var payments = paymentsOf(billId);
        assertEquals(2, payments.size());
        assertTrue(payments.stream().anyMatch(x -> new BigDecimal("379.50").equals(x.get("amount"))), payments::toString);
        assertEquals("paid", billsOf(p).getFirst().get("status"));

        // paid in full by hand before the event: it finds nothing left to pay
        var q = newPayment();
        send(q.event("pending", "80.00", PENDING_AT)).then().statusCode(200);
        var qBill = billsOf(q).getFirst();
        fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("amount", 80, "paid_on", "2026-11-12", "method", "wire")).post("/bills/" + qBill.get("id") + "/payments")
                .then().statusCode(201);
        long entries = fp.count("finance.journal_entry");
        send(q.event("paid", "80.00", PAID_AT)).then().statusCode(200).body("status", equalTo("duplicate"))
                .body("entry_id", equalTo(qBill.get("entry_id")));
        assertEquals(1, paymentsOf((String) qBill.get("id")).size());
        assertEquals(entries, fp.count("finance.journal_entry"));
    }

    @Test
    void one_event_delivered_five_times_at_once_makes_one_bill_and_one_entry() throws Exception {
        var p = newPayment();
        String eventId = UUID.randomUUID().toString();
        long entries = fp.count("finance.journal_entry");
        var answers = Together.run(5, i -> fp.event("vendor-payment", eventId, p.event("pending", "450.00", PENDING_AT)));
        answers.forEach(r -> assertEquals(200, r.statusCode(), r::asString));
        assertEquals(1, answers.stream().filter(r -> "applied".equals(r.path("status"))).count());
        assertEquals(1, answers.stream().map(r -> r.<String>path("entry_id")).distinct().count());
        assertEquals(1, billsOf(p).size());
        assertEquals(entries + 1, fp.count("finance.journal_entry"));
        assertEquals(1, fp.rows("select 1 from finance.event_receipt where event_id = ?", eventId).size());
    }

    @Test
    void the_events_of_one_vendor_payment_arriving_at_once_under_their_own_ids_make_one_bill_and_one_payment() throws Exception {
        var p = newPayment();
        long entries = fp.count("finance.journal_entry");
        var calls = new ArrayList<Callable<Response>>();
        for (String status : List.of("pending", "approved", "paid", "paid", "pending")) {
            calls.add(() -> send(p.event(status, "700.00", "paid".equals(status) ? PAID_AT : PENDING_AT)));
        }
        Together.run(calls).forEach(r -> assertEquals(200, r.statusCode(), r::asString));
        var bills = billsOf(p);
        assertEquals(1, bills.size());
        assertEquals("paid", bills.getFirst().get("status"));
        assertEquals(1, paymentsOf((String) bills.getFirst().get("id")).size());
        assertEquals(entries + 2, fp.count("finance.journal_entry"));
    }

    @Test
    void an_event_dated_in_a_closed_month_is_booked_on_the_first_day_of_the_next_open_one() {
        // this class's other tests book in November 2026 only
        fp.as("accountant").post("/periods/2026-09/close").then().statusCode(200);
        var p = newPayment();
        Response r = send(p.event("paid", "99.99", Instant.parse("2026-09-20T16:00:00Z")));
        r.then().statusCode(200).body("status", equalTo("applied"));
        var bill = billsOf(p).getFirst();
        assertEquals("2026-10-01", bill.get("bill_date"));
        var payment = paymentsOf((String) bill.get("id")).getFirst();
        assertEquals("2026-10-01", payment.get("paid_on"));
        assertEquals("2026-10-01", lines((String) bill.get("entry_id")).getFirst().get("date"));
        assertEquals("2026-10-01", lines(r.path("entry_id")).getFirst().get("date"));
    }

    @Test
    void a_vendor_unknown_to_vendor_service_still_gets_its_bill_and_vendor_service_down_is_a_503_that_writes_nothing() {
        var p = newPayment();
        fp.vendors.answer("/vendors/" + p.vendor(), 503, FinancePlatform.problem(503, "down"));
        long bills = fp.count("finance.bill");
        String eventId = UUID.randomUUID().toString();
        fp.event("vendor-payment", eventId, p.event("pending", "10.00", PENDING_AT)).then().statusCode(503);
        assertEquals(bills, fp.count("finance.bill"));
        assertEquals(0, fp.rows("select 1 from finance.event_receipt where event_id = ?", eventId).size());
        // the outbox retries once vendor-service is back
        fp.vendorIs(p.vendor(), "Back Again Coaches");
        fp.event("vendor-payment", eventId, p.event("pending", "10.00", PENDING_AT)).then().statusCode(200).body("status", equalTo("applied"));
        assertEquals("Back Again Coaches", billsOf(p).getFirst().get("vendor_name"));
        // once the bill exists, later events need no vendor-service at all
        fp.vendors.answer("/vendors/" + p.vendor(), 503, FinancePlatform.problem(503, "down"));
        send(p.event("paid", "10.00", PAID_AT)).then().statusCode(200).body("status", equalTo("applied"));

        var stranger = new VendorPayment(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        send(stranger.event("pending", "25.00", PENDING_AT)).then().statusCode(200).body("status", equalTo("applied"));
        assertNull(billsOf(stranger).getFirst().get("vendor_name"));
    }

    @Test
    void the_receiver_takes_only_the_service_role_a_required_event_id_and_a_valid_body() {
        var p = newPayment();
        long bills = fp.count("finance.bill");
        var ok = p.event("pending", "10.00", PENDING_AT);
        // admin passes every other role check in ServiceApp, but not a service-only one (Role.SERVICE_ONLY)
        for (String role : List.of("accountant", "manager", "admin")) {
            fp.rawAs(role).header("Idempotency-Key", "e1").contentType("application/json").body(ok).post("/events/vendor-payment")
                    .then().statusCode(403);
        }
        fp.asVendorUser(p.vendor()).header("Idempotency-Key", "e1").contentType("application/json").body(ok).post("/events/vendor-payment")
                .then().statusCode(403);
        fp.rawAsService().contentType("application/json").body(ok).post("/events/vendor-payment").then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        fp.rawAsService().header("Idempotency-Key", "e1").contentType("application/json").body("{\"vendor_payment_id\":")
                .post("/events/vendor-payment").then().statusCode(400);
        fp.rawAsService().header("Idempotency-Key", "e1").contentType("application/json").body(Map.of()).post("/events/vendor-payment")
                .then().statusCode(400).body("errors.field", hasItems("vendor_payment_id", "charter_id", "vendor_id", "amount", "due_date",
                        "status", "changed_at"));
        var bad = new HashMap<String, Object>(ok);
        bad.put("status", "cancelled");
        bad.put("amount", new BigDecimal("10.001"));
        bad.put("changed_at", "2026-11-10");
        bad.put("vendor_id", "nope");
        fp.rawAsService().header("Idempotency-Key", "e1").contentType("application/json").body(bad).post("/events/vendor-payment")
                .then().statusCode(400).body("errors.field", hasItems("status", "amount", "changed_at", "vendor_id"));
        var negative = new HashMap<String, Object>(ok);
        negative.put("amount", new BigDecimal("-10.00"));
        fp.rawAsService().header("Idempotency-Key", "e1").contentType("application/json").body(negative).post("/events/vendor-payment")
                .then().statusCode(400).body("errors.field", hasItem("amount"));
        assertEquals(bills, fp.count("finance.bill"));
        assertEquals(0, fp.rows("select 1 from finance.event_receipt where event_id = 'e1'").size());
    }
}
