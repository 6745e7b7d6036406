package com.coachway.finance;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.finance.FinancePlatform.START;
import static com.coachway.finance.FinancePlatform.TODAY;
import static com.coachway.finance.FinancePlatform.line;
import static com.coachway.finance.FinancePlatform.paymentRecorded;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invoices from charters, issue, void, credit memos and who sees them, with charter- and client-service stood in for. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoicesTest {
    FinancePlatform fp;

    @BeforeAll
    void start() {
        fp = new FinancePlatform();
    }

    @AfterAll
    void stop() {
        fp.close();
    }

    Response fromCharter(String charterId, Map<String, Object> body) {
        var r = fp.as("accountant").contentType("application/json");
        if (body != null) r = r.body(body);
        return r.post("/invoices/from-charter/" + charterId);
    }

    static float f(String s) {
        return Float.parseFloat(s);
    }

    BigDecimal balance(String account, LocalDate asOf) {
        return fp.balances(asOf).get(account);
    }

    @Test
    void an_invoice_copies_the_accepted_quote_with_discount_fuel_and_tax_and_numbers_itself() {
        String client = fp.newClient(30);
        String charter = UUID.randomUUID().toString();
        fp.charterIs(charter, client, "booked", "accepted",
                List.of(line("coach_56", "56-seat coach, 10 hours", "10", "185.00"), line("driver_overnight", "Driver hotel", "1", "150.00")),
                "100.00", "45.50", "120.25");
        Response r = fromCharter(charter, null);
        r.then().statusCode(201).body("status", equalTo("draft")).body("number", matchesPattern("INV-2026-\\d{5}"))
                .body("client_id", equalTo(client)).body("charter_id", equalTo(charter))
                .body("client_name", equalTo("Client " + client.substring(0, 6)))
                .body("charter_reference", containsString("CW-2026-"))
                .body("payment_terms_days", equalTo(30)).body("issue_date", equalTo(null)).body("due_date", equalTo(null))
                .body("lines.code", equalTo(List.of("coach_56", "driver_overnight", "discount", "fuel_surcharge", "tax")))
                .body("lines[2].amount", equalTo(-100.0f))
                .body("total", equalTo(f("2065.75"))).body("balance", equalTo(f("2065.75"))).body("paid", equalTo(0.0f))
                .body("recognised", equalTo(false)).body("version", equalTo(1));
        assertEquals("/invoices/" + r.path("id"), r.header("Location"));
        assertTrue(fp.charters.requests().stream().anyMatch(q -> q.path().equals("/charters/" + charter) && q.bearer()));
        assertTrue(fp.clients.requests().stream().anyMatch(q -> q.path().equals("/clients/" + client) && q.bearer()));
        // a draft posts nothing
        assertEquals(0L, fp.rows("select * from finance.journal_line where invoice_id = ?::uuid", r.<String>path("id")).size());

        String id = r.path("id");
        fp.as("accountant").contentType("application/json").body(Map.of("issue_date", TODAY.minusDays(2).toString()))
                .post("/invoices/" + id + "/issue").then().statusCode(200)
                .body("status", equalTo("issued")).body("issue_date", equalTo(TODAY.minusDays(2).toString()))
                .body("due_date", equalTo(TODAY.plusDays(28).toString())).body("version", equalTo(2));
        var lines = fp.rows("select a.name, l.debit, l.credit, l.client_id::text as client from finance.journal_line l"
                + " join finance.account a on a.code = l.account_code where l.invoice_id = ?::uuid order by l.line_no", id);
        assertEquals(2, lines.size());
        assertEquals("accounts_receivable", lines.get(0).get("name"));
        assertEquals(new BigDecimal("2065.75"), lines.get(0).get("debit"));
        assertEquals("customer_deposits", lines.get(1).get("name"));
        assertEquals(new BigDecimal("2065.75"), lines.get(1).get("credit"));
        assertEquals(client, lines.get(0).get("client"));

        fp.as("accountant").contentType("application/json").post("/invoices/" + id + "/issue").then().statusCode(409)
                .body("detail", containsString("issued"));
        fromCharter(charter, null).then().statusCode(409).body("detail", containsString(r.<String>path("number")));
        fp.as("manager").get("/invoices/" + id).then().statusCode(200).body("status", equalTo("issued"));
    }

    @Test
    void building_an_invoice_from_a_charter_refuses_what_cannot_be_invoiced_and_writes_nothing() {
        long before = fp.count("finance.invoice");
        String client = fp.newClient(15);
        String charter = UUID.randomUUID().toString();
        fromCharter(charter, null).then().statusCode(404);
        fp.as("accountant").contentType("application/json").post("/invoices/from-charter/not-a-uuid").then().statusCode(404);

        fp.charterIs(charter, client, "booked", "sent", List.of(line("coach_56", "Coach", "1", "900.00")), "0", "0", "0");
        fromCharter(charter, null).then().statusCode(409).body("detail", containsString("sent"));
        fp.charterIs(charter, client, "cancelled", "accepted", List.of(line("coach_56", "Coach", "1", "900.00")), "0", "0", "0");
        fromCharter(charter, null).then().statusCode(409).body("detail", containsString("cancelled"));
        fp.charterIs(charter, UUID.randomUUID().toString(), "booked", "accepted", List.of(line("coach_56", "Coach", "1", "900.00")), "0", "0", "0");
        fromCharter(charter, null).then().statusCode(409).body("detail", containsString("client"));

        fp.charterIs(charter, client, "900.00");
        fp.charters.answer("/charters/" + charter, 503, FinancePlatform.problem(503, "down"));
        fromCharter(charter, null).then().statusCode(503);
        fp.charterIs(charter, client, "900.00");
        fp.clients.answer("/clients/" + client, 503, FinancePlatform.problem(503, "down"));
        fromCharter(charter, null).then().statusCode(503);
        fp.clientIs(client, "Back Again", 15);

        fp.rawAs("manager").contentType("application/json").post("/invoices/from-charter/" + charter).then().statusCode(403);
        fp.rawAs("sales_agent").contentType("application/json").post("/invoices/from-charter/" + charter).then().statusCode(403);
        fp.rawAs("accountant").contentType("application/json").body("{\"issue\":").post("/invoices/from-charter/" + charter).then().statusCode(400);
        fp.rawAs("accountant").contentType("application/json").body(Map.of("issue", "yes")).post("/invoices/from-charter/" + charter)
                .then().statusCode(400);
        fp.rawAs("accountant").contentType("application/json").body(Map.of("issue", true, "issue_date", TODAY.plusDays(1).toString()))
                .post("/invoices/from-charter/" + charter).then().statusCode(400).body("errors.field", hasItem("issue_date"));
        fp.rawAs("accountant").contentType("application/json").body(Map.of("issue_date", TODAY.toString()))
                .post("/invoices/from-charter/" + charter).then().statusCode(400);
        fp.rawAs("accountant").contentType("application/json").body(Map.of("surprise", 1)).post("/invoices/from-charter/" + charter)
                .then().statusCode(400);
        assertEquals(before, fp.count("finance.invoice"));
        fromCharter(charter, null).then().statusCode(201).body("client_name", equalTo("Back Again"));
    }

    @Test
    void a_retry_under_the_same_key_answers_the_same_invoice_and_another_body_is_a_conflict() {
        String client = fp.newClient(0);
        String charter = UUID.randomUUID().toString();
        fp.charterIs(charter, client, "500.00");
        String key = UUID.randomUUID().toString();
        var first = fp.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(Map.of("issue", true))
                .post("/invoices/from-charter/" + charter);
        first.then().statusCode(201).body("status", equalTo("issued")).body("due_date", equalTo(TODAY.toString()));
        fp.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(Map.of("issue", true))
                .post("/invoices/from-charter/" + charter).then().statusCode(201).body("id", equalTo(first.path("id")));
        fp.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(Map.of("issue", false))
                .post("/invoices/from-charter/" + charter).then().statusCode(409).body("detail", containsString("Idempotency-Key"));
        assertEquals(1, fp.rows("select 1 from finance.invoice where charter_id = ?::uuid", charter).size());
    }

    @Test
    void void_is_free_for_a_draft_reverses_an_unpaid_invoice_and_is_refused_once_paid() {
        String client = fp.newClient(30);
        String draftCharter = UUID.randomUUID().toString();
        fp.charterIs(draftCharter, client, "300.00");
        String draft = fromCharter(draftCharter, null).path("id");
        fp.as("accountant").contentType("application/json").body(Map.of("reason", "duplicate")).post("/invoices/" + draft + "/void")
                .then().statusCode(200).body("status", equalTo("void")).body("voided_on", equalTo(TODAY.toString())).body("balance", equalTo(0.0f));
        fp.as("accountant").contentType("application/json").body(Map.of("reason", "again")).post("/invoices/" + draft + "/void")
                .then().statusCode(409).body("detail", containsString("already void"));
        // a new invoice for the same charter is allowed once the first is void
        fromCharter(draftCharter, null).then().statusCode(201);

        var issued = fp.issuedInvoice(client, "400.00", TODAY);
        String issuedId = (String) issued.get("id");
        fp.as("accountant").contentType("application/json").body(Map.of("reason", "wrong client")).post("/invoices/" + issuedId + "/void")
                .then().statusCode(200).body("status", equalTo("void"));
        var net = fp.rows("select sum(debit) - sum(credit) as net from finance.journal_line where invoice_id = ?::uuid and account_code = '1100'", issuedId);
        assertEquals(0, ((BigDecimal) net.getFirst().get("net")).signum(), "AR of a voided invoice nets to zero");

        var paid = fp.issuedInvoice(client, "250.00", TODAY);
        String paidId = (String) paid.get("id");
        fp.event("payment-recorded", UUID.randomUUID().toString(),
                paymentRecorded(UUID.randomUUID().toString(), client, (String) paid.get("charter_id"), "100.00", START)).then().statusCode(200);
        fp.as("accountant").contentType("application/json").body(Map.of("reason", "no")).post("/invoices/" + paidId + "/void")
                .then().statusCode(409).body("detail", containsString("credit it instead"));
        fp.rawAs("accountant").contentType("application/json").body(Map.of()).post("/invoices/" + paidId + "/void").then().statusCode(400);
        fp.rawAs("manager").contentType("application/json").body(Map.of("reason", "x")).post("/invoices/" + paidId + "/void").then().statusCode(403);
        fp.as("accountant").contentType("application/json").body(Map.of("reason", "x")).post("/invoices/" + UUID.randomUUID() + "/void")
                .then().statusCode(404);
    }

    Response credit(String invoiceId, String key, Map<String, Object> body) {
        var r = fp.as("accountant").contentType("application/json");
        if (key != null) r = r.header("Idempotency-Key", key);
        return r.body(body).post("/invoices/" + invoiceId + "/credit-memos");
    }

    @Test
    void a_goodwill_credit_lowers_the_balance_and_one_beyond_it_releases_the_payment_as_credit() {
        String client = fp.newClient(30);
        var inv = fp.issuedInvoice(client, "1000.00", TODAY);
        String id = (String) inv.get("id");
        fp.event("payment-recorded", UUID.randomUUID().toString(),
                paymentRecorded(UUID.randomUUID().toString(), client, (String) inv.get("charter_id"), "700.00", START)).then().statusCode(200);
        fp.as("manager").get("/invoices/" + id).then().body("status", equalTo("partially_paid")).body("balance", equalTo(300.0f));

        String key = UUID.randomUUID().toString();
        var goodwill = Map.<String, Object>of("kind", "goodwill", "amount", new BigDecimal("100.00"), "reason", "late coach");
        credit(id, key, goodwill).then().statusCode(201).body("kind", equalTo("goodwill")).body("amount", equalTo(100.0f))
                .body("memo_date", equalTo(TODAY.toString()));
        credit(id, key, goodwill).then().statusCode(201);
        credit(id, key, Map.of("kind", "goodwill", "amount", new BigDecimal("100.01"), "reason", "late coach")).then().statusCode(409);
        fp.as("manager").get("/invoices/" + id).then().body("credited", equalTo(100.0f)).body("balance", equalTo(200.0f));

        // 500 more: 200 closes the balance, 300 of the payment is released as the client's credit
        credit(id, UUID.randomUUID().toString(), Map.of("kind", "other", "amount", new BigDecimal("500.00"), "reason", "price match"))
                .then().statusCode(201);
        fp.as("manager").get("/invoices/" + id).then().body("credited", equalTo(600.0f)).body("paid", equalTo(400.0f))
                .body("balance", equalTo(0.0f)).body("status", equalTo("paid")).body("settled_on", equalTo(TODAY.toString()));
        fp.as("manager").get("/clients/" + client + "/credit").then().statusCode(200).body("unapplied_credit", equalTo(300.0f));
        fp.as("manager").get("/invoices/" + id + "/applications").then().statusCode(200)
                .body("items.amount", equalTo(List.of(700.0f, -300.0f))).body("items.source", equalTo(List.of("payment", "credit_memo")));
        fp.as("manager").get("/invoices/" + id + "/credit-memos").then().statusCode(200).body("items.size()", equalTo(2));

        // more than is left to credit, a draft, bad bodies, no key, wrong role
        credit(id, UUID.randomUUID().toString(), Map.of("kind", "goodwill", "amount", new BigDecimal("400.01"), "reason", "x"))
                .then().statusCode(409).body("detail", containsString("400.00"));
        String draftCharter = UUID.randomUUID().toString();
        fp.charterIs(draftCharter, client, "80.00");
        String draft = fromCharter(draftCharter, null).path("id");
        credit(draft, UUID.randomUUID().toString(), Map.of("kind", "goodwill", "amount", new BigDecimal("1.00"), "reason", "x"))
                .then().statusCode(409).body("detail", containsString("draft"));
        long memos = fp.count("finance.credit_memo");
        fp.rawAs("accountant").contentType("application/json").body(Map.of("kind", "goodwill", "amount", 1, "reason", "x"))
                .post("/invoices/" + id + "/credit-memos").then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
        for (var bad : List.<Map<String, Object>>of(Map.of("kind", "bribe", "amount", 1, "reason", "x"), Map.of("kind", "goodwill", "amount", 0, "reason", "x"),
                Map.of("kind", "goodwill", "amount", -1, "reason", "x"), Map.of("kind", "goodwill", "amount", 1.001, "reason", "x"),
                Map.of("kind", "goodwill", "amount", 1), Map.of("kind", "goodwill", "amount", "1.00", "reason", "x"),
                Map.of("kind", "goodwill", "amount", 1, "reason", "x", "memo_date", TODAY.plusDays(1).toString()))) {
            fp.rawAs("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(bad)
                    .post("/invoices/" + id + "/credit-memos").then().statusCode(400);
        }
        fp.rawAs("manager").header("Idempotency-Key", "k").contentType("application/json").body(Map.of("kind", "goodwill", "amount", 1, "reason", "x"))
                .post("/invoices/" + id + "/credit-memos").then().statusCode(403);
        credit(UUID.randomUUID().toString(), UUID.randomUUID().toString(), Map.of("kind", "goodwill", "amount", 1, "reason", "x")).then().statusCode(404);
        assertEquals(memos, fp.count("finance.credit_memo"));
    }

    @Test
    void a_cancellation_fee_recognises_what_remains_as_revenue_at_once() {
        String client = fp.newClient(30);
        var inv = fp.issuedInvoice(client, "2000.00", TODAY);
        String id = (String) inv.get("id");
        BigDecimal revenueBefore = balance("revenue", TODAY);
        credit(id, UUID.randomUUID().toString(), Map.of("kind", "cancellation_fee", "amount", new BigDecimal("1500.00"),
                "reason", "cancelled 10 days out: 25% fee")).then().statusCode(201);
        fp.as("manager").get("/invoices/" + id).then().body("recognised", equalTo(true)).body("recognised_on", equalTo(TODAY.toString()))
                .body("balance", equalTo(500.0f));
        assertEquals(revenueBefore.add(new BigDecimal("500.00")), balance("revenue", TODAY));
        // completion afterwards recognises nothing more
        fp.event("charter-status", UUID.randomUUID().toString(),
                FinancePlatform.charterStatus((String) inv.get("charter_id"), client, "completed", START)).then().statusCode(200);
        assertEquals(revenueBefore.add(new BigDecimal("500.00")), balance("revenue", TODAY));
    }

    @Test
    void a_client_user_sees_only_its_own_invoices() {
        String mine = fp.newClient(30);
        String theirs = fp.newClient(30);
        var my = fp.issuedInvoice(mine, "100.00", TODAY);
        var other = fp.issuedInvoice(theirs, "200.00", TODAY);
        fp.asClientUser(mine).get("/invoices").then().statusCode(200).body("items.id", equalTo(List.of(my.get("id"))));
        fp.asClientUser(mine).queryParam("client_id", theirs).get("/invoices").then().statusCode(200).body("total", equalTo(0));
        fp.asClientUser(mine).get("/invoices/" + my.get("id")).then().statusCode(200);
        fp.asClientUser(mine).get("/invoices/" + other.get("id")).then().statusCode(404);
        fp.asClientUser(mine).get("/invoices/" + other.get("id") + "/applications").then().statusCode(404);
        fp.asClientUser(mine).get("/invoices/" + other.get("id") + "/credit-memos").then().statusCode(404);
        fp.asClientUser(mine).get("/clients/" + theirs + "/credit").then().statusCode(404);
        fp.asClientUser(mine).get("/clients/" + mine + "/credit").then().statusCode(200);
        fp.platform.raw(FinancePlatform.FINANCE).auth().oauth2(fp.platform.portalToken("client", UUID.fromString(mine)))
                .get("/ledger/trial-balance").then().statusCode(403);
        fp.platform.raw(FinancePlatform.FINANCE).auth().oauth2(fp.platform.portalToken("client", UUID.fromString(mine)))
                .contentType("application/json").body(Map.of("reason", "x")).post("/invoices/" + my.get("id") + "/void").then().statusCode(403);
        fp.rawAs("dispatcher").get("/invoices").then().statusCode(403);
        fp.as("manager").queryParam("client_id", theirs).get("/invoices").then().statusCode(200).body("items.id", equalTo(List.of(other.get("id"))));
    }

    @Test
    void invoices_are_listed_by_filters_and_paged_by_keyset() {
        String client = fp.newClient(30);
        for (int i = 0; i < 5; i++) fp.issuedInvoice(client, (100 + i) + ".00", TODAY.minusDays(i));
        fp.as("manager").queryParam("client_id", client).queryParam("status", "issued").queryParam("limit", 2).get("/invoices")
                .then().statusCode(200).body("items.size()", equalTo(2)).body("total", equalTo(5)).body("next", not(equalTo(null)));
        fp.as("manager").queryParam("client_id", client).queryParam("from", TODAY.minusDays(1).toString()).queryParam("to", TODAY.toString())
                .get("/invoices").then().statusCode(200).body("total", equalTo(2));
        com.coachway.testkit.KeysetPaging.assertWalkMatchesOffsets(() -> fp.as("manager"), "/invoices",
                Map.of("client_id", client, "status", "issued"), 2, "id");
        fp.rawAs("manager").queryParam("status", "lost").get("/invoices").then().statusCode(400);
        fp.rawAs("manager").queryParam("client_id", "nope").get("/invoices").then().statusCode(400);
        fp.rawAs("manager").queryParam("after", "junk").get("/invoices").then().statusCode(400);
        fp.rawAs("manager").queryParam("limit", 0).get("/invoices").then().statusCode(400);
        fp.as("manager").get("/invoices/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void issuing_into_a_closed_period_is_a_conflict() {
        // a month no other test here posts in
        fp.clock.set(java.time.Instant.parse("2027-02-10T17:00:00Z"));
        try {
            fp.as("accountant").post("/periods/2027-01/close").then().statusCode(200);
            String client = fp.newClient(30);
            String charter = UUID.randomUUID().toString();
            fp.charterIs(charter, client, "100.00");
            String id = fromCharter(charter, null).path("id");
            fp.as("accountant").contentType("application/json").body(Map.of("issue_date", "2027-01-31")).post("/invoices/" + id + "/issue")
                    .then().statusCode(409).body("detail", equalTo("period 2027-01 is closed"));
            fp.as("manager").get("/invoices/" + id).then().body("status", equalTo("draft"));
            fp.rawAs("accountant").contentType("application/json").body(Map.of("issue_date", "soon")).post("/invoices/" + id + "/issue")
                    .then().statusCode(400);
            fp.rawAs("accountant").contentType("application/json").body(Map.of("issue_date", "2027-02-11")).post("/invoices/" + id + "/issue")
                    .then().statusCode(400).body("errors.field", hasItem("issue_date"));
            fp.rawAs("manager").contentType("application/json").body(Map.of()).post("/invoices/" + id + "/issue").then().statusCode(403);
            fp.as("accountant").contentType("application/json").body(Map.of()).post("/invoices/" + UUID.randomUUID() + "/issue").then().statusCode(404);
            fp.as("accountant").contentType("application/json").body(Map.of("issue_date", "2027-02-01")).post("/invoices/" + id + "/issue")
                    .then().statusCode(200).body("number", matchesPattern("INV-2027-\\d{5}"));
            // a credit memo dated in the closed month is refused too, and writes nothing
            long memos = fp.count("finance.credit_memo");
            credit(id, UUID.randomUUID().toString(), Map.of("kind", "goodwill", "amount", new BigDecimal("1.00"), "reason", "x",
                    "memo_date", "2027-01-15")).then().statusCode(409).body("detail", equalTo("period 2027-01 is closed"));
            assertEquals(memos, fp.count("finance.credit_memo"));
        } finally {
            fp.clock.set(START);
        }
    }
}
