package com.coachway.finance;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.finance.FinancePlatform.START;
import static com.coachway.finance.FinancePlatform.TODAY;
import static com.coachway.finance.FinancePlatform.charterStatus;
import static com.coachway.finance.FinancePlatform.paymentRecorded;
import static com.coachway.finance.FinancePlatform.paymentRefunded;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Payments, refunds and charter completions arriving from other services' outboxes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsTest {
    FinancePlatform fp;

    @BeforeAll
    void start() {
        fp = new FinancePlatform();
    }

    @AfterAll
    void stop() {
        fp.close();
    }


    Map<String, Object> invoice(String client, String total, LocalDate issued) {
        return fp.issuedInvoice(client, total, issued);
    }

    Map<String, Object> get(Object invoiceId) {
        return fp.as("manager").get("/invoices/" + invoiceId).as(Map.class);
    }

    static BigDecimal m(Object v) {
        return new BigDecimal(v.toString()).setScale(2);
    }

    Response pay(String eventId, String paymentId, String client, Object charter, String amount, Instant at) {
        return fp.event("payment-recorded", eventId, paymentRecorded(paymentId, client, (String) charter, amount, at));
    }

    @Test
    void a_payment_goes_to_its_charter_first_then_oldest_due_and_the_rest_is_credit_for_the_next_invoice() {
        String client = fp.newClient(30);
        var older = invoice(client, "300.00", TODAY.minusDays(20));
        var newer = invoice(client, "200.00", TODAY.minusDays(10));
        var own = invoice(client, "400.00", TODAY.minusDays(5));
        String paymentId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Response r = pay(eventId, paymentId, client, own.get("charter_id"), "1000.00", START);
        r.then().statusCode(200).body("status", equalTo("applied")).body("event_id", equalTo(eventId)).body("entry_id", not(equalTo(null)));
        assertEquals("paid", get(own.get("id")).get("status"));
        assertEquals("paid", get(older.get("id")).get("status"));
        assertEquals(m("0.00"), m(get(newer.get("id")).get("paid")).subtract(m("200.00")));
        var credit = fp.as("manager").get("/clients/" + client + "/credit");
        credit.then().statusCode(200).body("unapplied_credit", equalTo(100.0f));

        var entry = fp.as("manager").get("/ledger/entries/" + r.path("entry_id"));
        entry.then().statusCode(200).body("source_type", equalTo("payment")).body("source_id", equalTo(paymentId))
                .body("entry_date", equalTo(TODAY.toString())).body("total", equalTo(1000.0f))
                .body("lines.account", equalTo(List.of("cash", "accounts_receivable", "accounts_receivable", "accounts_receivable", "customer_deposits")))
                .body("lines[1].invoice_id", equalTo(own.get("id"))).body("lines[2].invoice_id", equalTo(older.get("id")))
                .body("lines[4].credit", equalTo(100.0f));

        // the same event again, and the same payment under another event id: nothing changes
        long entries = fp.count("finance.journal_entry");
        pay(eventId, paymentId, client, own.get("charter_id"), "1000.00", START).then().statusCode(200)
                .body("status", equalTo("duplicate")).body("entry_id", equalTo(r.path("entry_id")));
        pay(UUID.randomUUID().toString(), paymentId, client, own.get("charter_id"), "1000.00", START).then().statusCode(200)
                .body("status", equalTo("duplicate")).body("entry_id", equalTo(r.path("entry_id")));
        assertEquals(entries, fp.count("finance.journal_entry"));

        // the credit goes to the next invoice the client is issued
        var next = invoice(client, "150.00", TODAY);
        var nextNow = get(next.get("id"));
        assertEquals("partially_paid", nextNow.get("status"));
        assertEquals(m("50.00"), m(nextNow.get("balance")));
        fp.as("manager").get("/clients/" + client + "/credit").then().body("unapplied_credit", equalTo(0.0f));
        fp.as("manager").get("/invoices/" + next.get("id") + "/applications").then()
                .body("items.source", equalTo(List.of("credit"))).body("items[0].applied_on", equalTo(TODAY.toString()));
    }

    @Test
    void a_refund_comes_from_unapplied_credit_first_then_reopens_the_newest_invoices() {
        String client = fp.newClient(30);
        var a = invoice(client, "100.00", TODAY.minusDays(3));
        var b = invoice(client, "100.00", TODAY.minusDays(2));
        String paymentId = UUID.randomUUID().toString();
        pay(UUID.randomUUID().toString(), paymentId, client, null, "250.00", START).then().statusCode(200);
        // 100 to a, 100 to b, 50 credit; refund 120: 50 credit, then 70 off b (applied last)
        String refundId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Response r = fp.event("payment-refunded", eventId, paymentRefunded(refundId, paymentId, client, null, "120.00", START));
        r.then().statusCode(200).body("status", equalTo("applied"));
        assertEquals("paid", get(a.get("id")).get("status"));
        var bNow = get(b.get("id"));
        assertEquals("partially_paid", bNow.get("status"));
        assertEquals(m("70.00"), m(bNow.get("balance")));
        fp.as("manager").get("/ledger/entries/" + r.path("entry_id")).then()
                .body("lines.account", equalTo(List.of("customer_deposits", "accounts_receivable", "cash")))
                .body("lines[0].debit", equalTo(50.0f)).body("lines[1].debit", equalTo(70.0f)).body("lines[2].credit", equalTo(120.0f));
        fp.as("manager").get("/clients/" + client + "/credit").then().body("unapplied_credit", equalTo(0.0f));

        fp.event("payment-refunded", eventId, paymentRefunded(refundId, paymentId, client, null, "120.00", START)).then().statusCode(200)
                .body("status", equalTo("duplicate"));
        fp.event("payment-refunded", UUID.randomUUID().toString(), paymentRefunded(refundId, paymentId, client, null, "120.00", START))
                .then().statusCode(200).body("status", equalTo("duplicate"));
        // more than is left of the payment (130), and a payment finance never received
        fp.event("payment-refunded", UUID.randomUUID().toString(), paymentRefunded(UUID.randomUUID().toString(), paymentId, client, null, "130.01", START))
                .then().statusCode(409);
        fp.event("payment-refunded", UUID.randomUUID().toString(),
                paymentRefunded(UUID.randomUUID().toString(), UUID.randomUUID().toString(), client, null, "1.00", START))
                .then().statusCode(409).body("detail", containsString("not been received"));
    }

    @Test
    void completion_moves_the_invoice_from_customer_deposits_to_revenue_and_a_later_invoice_goes_straight_to_revenue() {
        String client = fp.newClient(30);
        var inv = invoice(client, "800.00", TODAY.minusDays(1));
        BigDecimal revenue = fp.balances(TODAY).get("revenue");
        BigDecimal deposits = fp.balances(TODAY).get("customer_deposits");
        String eventId = UUID.randomUUID().toString();
        Response r = fp.event("charter-status", eventId, charterStatus((String) inv.get("charter_id"), client, "completed", START));
        r.then().statusCode(200).body("status", equalTo("applied"));
        assertEquals(revenue.add(m("800.00")), fp.balances(TODAY).get("revenue"));
        assertEquals(deposits.subtract(m("800.00")), fp.balances(TODAY).get("customer_deposits"));
        assertEquals(Boolean.TRUE, get(inv.get("id")).get("recognised"));
        fp.event("charter-status", eventId, charterStatus((String) inv.get("charter_id"), client, "completed", START)).then()
                .body("status", equalTo("duplicate")).body("entry_id", equalTo(r.path("entry_id")));
        fp.event("charter-status", UUID.randomUUID().toString(), charterStatus((String) inv.get("charter_id"), client, "completed", START))
                .then().body("status", equalTo("duplicate"));

        // void it and invoice the completed charter again: revenue directly
        fp.as("accountant").contentType("application/json").body(Map.of("reason", "re-bill")).post("/invoices/" + inv.get("id") + "/void")
                .then().statusCode(200);
        assertEquals(revenue, fp.balances(TODAY).get("revenue"));
        var again = fp.as("accountant").contentType("application/json").body(Map.of("issue", true)).post("/invoices/from-charter/" + inv.get("charter_id"));
        again.then().statusCode(201).body("recognised", equalTo(true));
        assertEquals(revenue.add(m("800.00")), fp.balances(TODAY).get("revenue"));

        // cancelled: recorded, nothing posted
        var other = invoice(client, "90.00", TODAY);
        fp.event("charter-status", UUID.randomUUID().toString(), charterStatus((String) other.get("charter_id"), client, "cancelled", START))
                .then().statusCode(200).body("status", equalTo("applied")).body("entry_id", equalTo(null));
        assertEquals(Boolean.FALSE, get(other.get("id")).get("recognised"));
    }

    @Test
    void an_event_dated_in_a_closed_month_is_booked_on_the_first_day_of_the_next_open_one() {
        // this class's other tests post in November 2026 only
        String client = fp.newClient(30);
        fp.as("accountant").post("/periods/2026-09/close").then().statusCode(200);
        Response r = pay(UUID.randomUUID().toString(), UUID.randomUUID().toString(), client, null, "42.00", Instant.parse("2026-09-20T15:00:00Z"));
        r.then().statusCode(200).body("status", equalTo("applied"));
        fp.as("manager").get("/ledger/entries/" + r.path("entry_id")).then().body("entry_date", equalTo("2026-10-01"));
        fp.as("manager").get("/clients/" + client + "/credit").then().body("payments[0].received_on", equalTo("2026-10-01"));
        // a late evening payment in New York is dated that day there, not the UTC day
        Response late = pay(UUID.randomUUID().toString(), UUID.randomUUID().toString(), client, null, "1.00", Instant.parse("2026-11-11T03:30:00Z"));
        fp.as("manager").get("/ledger/entries/" + late.path("entry_id")).then().body("entry_date", equalTo("2026-11-10"));
    }

    @Test
    void events_take_only_the_service_role_a_required_event_id_and_a_valid_body() {
        String client = fp.newClient(30);
        var ok = paymentRecorded(UUID.randomUUID().toString(), client, null, "10.00", START);
        long before = fp.count("finance.payment_receipt");
        fp.rawAs("accountant").header("Idempotency-Key", "e1").contentType("application/json").body(ok).post("/events/payment-recorded")
                .then().statusCode(403);
        // admin passes every other role check, but not a service-only route: an event a person made up would be booked
        fp.rawAs("admin").header("Idempotency-Key", "e1").contentType("application/json").body(ok).post("/events/payment-recorded")
                .then().statusCode(403).body("detail", equalTo("Only a service token may call this route"));
        fp.platform.raw(FinancePlatform.FINANCE).contentType("application/json").body(ok).post("/events/payment-recorded").then().statusCode(401);
        fp.rawAsService().contentType("application/json").body(ok).post("/events/payment-recorded").then().statusCode(400);
        for (String field : List.of("payment_id", "client_id", "amount", "received_at", "currency")) {
            var bad = new HashMap<>(ok);
            bad.remove(field);
            fp.rawAsService().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(bad)
                    .post("/events/payment-recorded").then().statusCode(400);
        }
        for (var change : List.<Map<String, Object>>of(Map.of("amount", 0), Map.of("amount", -5), Map.of("amount", 1.234), Map.of("currency", "EUR"),
                Map.of("payment_id", "p-1"), Map.of("received_at", "yesterday"), Map.of("fee", -1))) {
            var bad = new HashMap<>(ok);
            bad.putAll(change);
            fp.rawAsService().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(bad)
                    .post("/events/payment-recorded").then().statusCode(400);
        }
        fp.rawAsService().header("Idempotency-Key", "e2").contentType("application/json").body("{").post("/events/payment-recorded")
                .then().statusCode(400);
        fp.rawAsService().header("Idempotency-Key", "e3").contentType("application/json")
                .body(Map.of("charter_id", UUID.randomUUID().toString(), "client_id", client, "status", "booked", "changed_at", START.toString()))
                .post("/events/charter-status").then().statusCode(400);
        fp.rawAsService().header("Idempotency-Key", "e4").contentType("application/json").body(Map.of("refund_id", "x"))
                .post("/events/payment-refunded").then().statusCode(400).body("errors.field", hasItem("payment_id"));
        var refund = paymentRefunded(UUID.randomUUID().toString(), UUID.randomUUID().toString(), client, null, "1.00", START);
        fp.rawAs("accountant").header("Idempotency-Key", "e5").contentType("application/json").body(refund).post("/events/payment-refunded")
                .then().statusCode(403);
        fp.rawAs("admin").header("Idempotency-Key", "e5").contentType("application/json").body(refund).post("/events/payment-refunded")
                .then().statusCode(403);
        fp.rawAsService().contentType("application/json").body(refund).post("/events/payment-refunded").then().statusCode(400);
        var status = charterStatus(UUID.randomUUID().toString(), client, "completed", START);
        fp.rawAs("manager").header("Idempotency-Key", "e6").contentType("application/json").body(status).post("/events/charter-status")
                .then().statusCode(403);
        fp.rawAs("admin").header("Idempotency-Key", "e6").contentType("application/json").body(status).post("/events/charter-status")
                .then().statusCode(403);
        fp.rawAsService().contentType("application/json").body(status).post("/events/charter-status").then().statusCode(400);
        fp.rawAsService().header("Idempotency-Key", "e7").contentType("text/plain").body("x").post("/events/charter-status").then().statusCode(415);
        assertEquals(before, fp.count("finance.payment_receipt"));
        assertEquals(0, fp.rows("select 1 from finance.event_receipt where event_id in ('e1','e2','e3','e4','e5','e6','e7')").size());
        // reading: unknown ids are 404
        fp.as("manager").get("/invoices/" + UUID.randomUUID() + "/applications").then().statusCode(404);
        fp.as("manager").get("/invoices/" + UUID.randomUUID() + "/credit-memos").then().statusCode(404);
        fp.as("manager").get("/invoices/nope/credit-memos").then().statusCode(404);
        fp.as("manager").get("/clients/nope/credit").then().statusCode(404);
        fp.rawAs("sales_agent").get("/clients/" + client + "/credit").then().statusCode(403);
    }

    @Test
    void a_system_entry_is_not_reversed_by_hand() {
        String client = fp.newClient(30);
        Response r = pay(UUID.randomUUID().toString(), UUID.randomUUID().toString(), client, null, "5.00", START);
        fp.as("accountant").contentType("application/json").post("/ledger/entries/" + r.path("entry_id") + "/reverse").then().statusCode(409)
                .body("detail", containsString("corrected through its document"));
        fp.as("manager").get("/ledger/entries/" + r.path("entry_id")).then().body("reversed_by", equalTo(null));
    }

    @Test
    void a_processing_fee_on_a_payment_is_booked_against_cash() {
        String client = fp.newClient(30);
        var body = paymentRecorded(UUID.randomUUID().toString(), client, null, "100.00", START);
        body.put("fee", new BigDecimal("3.20"));
        Response r = fp.event("payment-recorded", UUID.randomUUID().toString(), body);
        fp.as("manager").get("/ledger/entries/" + r.path("entry_id")).then()
                .body("lines.account", equalTo(List.of("cash", "customer_deposits", "processing_fees", "cash")))
                .body("lines[2].debit", equalTo(3.2f)).body("lines[3].credit", equalTo(3.2f)).body("total", equalTo(103.2f));
    }
}
