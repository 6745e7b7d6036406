package com.coachway.finance;

import com.coachway.testkit.AuditTrailReceiver;
import com.coachway.testkit.AuditTrailReceiver.Entry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.coachway.finance.FinancePlatform.START;
import static com.coachway.finance.FinancePlatform.TODAY;
import static com.coachway.finance.FinancePlatform.charterStatus;
import static com.coachway.finance.FinancePlatform.paymentRecorded;
import static com.coachway.finance.FinancePlatform.paymentRefunded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every journal entry posted — whatever booked it — and every month closed leaves exactly one
 * entry in the platform audit trail (a recording stand-in for change-mgmt-service's
 * /audit-events), keyed by its outbox id; a refused, replayed or duplicate request or event leaves
 * none; a 5xx is redelivered under the same key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {
    FinancePlatform fp;

    @BeforeAll
    void start() {
        fp = new FinancePlatform();
    }

    @AfterAll
    void stop() {
        fp.close();
    }

    private long journalAuditRows() {
        return fp.rows("select 1 from finance.outbox where topic = 'audit.journal.posted'").size();
    }

    /** Waits until the outbox has delivered all it holds (at most 20 s). */
    private void awaitAllDelivered() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!fp.rows("select 1 from finance.outbox where status <> 'delivered'").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("undelivered: " + fp.rows("select topic, status, attempts, last_error from finance.outbox where status <> 'delivered'"));
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> line(String account, String side, String amount) {
        var l = new LinkedHashMap<String, Object>();
        l.put("account", account);
        l.put(side, new BigDecimal(amount));
        return l;
    }

    private static Map<String, Object> manual(Object... lines) {
        return Map.of("entry_date", TODAY.toString(), "memo", "Bank charge correction", "lines", List.of(lines));
    }

    @Test
    void every_journal_entry_of_every_kind_leaves_exactly_one_entry_and_refusals_and_replays_none() {
        String accountant = AuditTrailReceiver.actorOf(fp.platform.token("accountant"));
        String client = fp.newClient(30);
        // an invoice issued; paid by a payment event, part refunded by a refund event; its charter completed (revenue)
        var inv = fp.issuedInvoice(client, "500.00", TODAY.minusDays(3));
        String charter = (String) inv.get("charter_id");
        String paymentId = UUID.randomUUID().toString();
        String paymentEvent = UUID.randomUUID().toString();
        fp.event("payment-recorded", paymentEvent, paymentRecorded(paymentId, client, charter, "500.00", START)).then().statusCode(200);
        fp.event("payment-recorded", paymentEvent, paymentRecorded(paymentId, client, charter, "500.00", START)).then().statusCode(200);
        fp.event("payment-recorded", UUID.randomUUID().toString(), paymentRecorded(paymentId, client, charter, "500.00", START)).then().statusCode(200);
        fp.event("payment-refunded", UUID.randomUUID().toString(),
                paymentRefunded(UUID.randomUUID().toString(), paymentId, client, charter, "50.00", START)).then().statusCode(200);
        String completed = UUID.randomUUID().toString();
        fp.event("charter-status", completed, charterStatus(charter, client, "completed", START)).then().statusCode(200);
        fp.event("charter-status", completed, charterStatus(charter, client, "completed", START)).then().statusCode(200);
        // a credit memo on a second invoice, a third voided
        var credited = fp.issuedInvoice(client, "300.00", TODAY.minusDays(2));
        String memoKey = UUID.randomUUID().toString();
        var goodwill = Map.<String, Object>of("kind", "goodwill", "amount", new BigDecimal("40.00"), "reason", "late coach");
        fp.as("accountant").header("Idempotency-Key", memoKey).contentType("application/json").body(goodwill)
                .post("/invoices/" + credited.get("id") + "/credit-memos").then().statusCode(201);
        fp.as("accountant").header("Idempotency-Key", memoKey).contentType("application/json").body(goodwill)
                .post("/invoices/" + credited.get("id") + "/credit-memos").then().statusCode(201);
        var voided = fp.issuedInvoice(client, "120.00", TODAY.minusDays(1));
        fp.as("accountant").contentType("application/json").body(Map.of("reason", "wrong client"))
                .post("/invoices/" + voided.get("id") + "/void").then().statusCode(200);
        fp.as("accountant").contentType("application/json").body(Map.of("reason", "again"))
                .post("/invoices/" + voided.get("id") + "/void").then().statusCode(409);
        // a bill and its payment
        String vendor = UUID.randomUUID().toString();
        fp.vendorIs(vendor, "Coach Co");
        var bill = new LinkedHashMap<String, Object>(Map.of("vendor_id", vendor, "amount", new BigDecimal("900.00"),
                "bill_date", TODAY.minusDays(10).toString(), "due_date", TODAY.plusDays(20).toString()));
        String billId = fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(bill).post("/bills").then().statusCode(201).extract().path("id");
        fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("amount", new BigDecimal("900.00"), "paid_on", TODAY.toString(), "method", "ach"))
                .post("/bills/" + billId + "/payments").then().statusCode(201);
        // a manual entry (retried under its key) and its reversal (refused the second time)
        String manualKey = UUID.randomUUID().toString();
        var entry = manual(line("revenue", "debit", "25.00"), line("customer_deposits", "credit", "25.00"));
        String manualId = fp.as("accountant").header("Idempotency-Key", manualKey).contentType("application/json").body(entry)
                .post("/ledger/entries").then().statusCode(201).extract().path("id");
        fp.as("accountant").header("Idempotency-Key", manualKey).contentType("application/json").body(entry)
                .post("/ledger/entries").then().statusCode(201);
        long beforeRefusals = journalAuditRows();
        fp.rawAs("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(manual(line("revenue", "debit", "25.00"), line("customer_deposits", "credit", "24.00"))).post("/ledger/entries")
                .then().statusCode(400);
        fp.rawAs("manager").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(entry)
                .post("/ledger/entries").then().statusCode(403);
        String reversalId = fp.as("accountant").contentType("application/json").body(Map.of("memo", "wrong account"))
                .post("/ledger/entries/" + manualId + "/reverse").then().statusCode(201).extract().path("id");
        fp.as("accountant").contentType("application/json").post("/ledger/entries/" + manualId + "/reverse").then().statusCode(409);
        assertEquals(beforeRefusals + 1, journalAuditRows(), "only the reversal was posted");

        // every entry in the books is exactly one audit entry, keyed by its outbox row; and no audit entry is not an entry
        awaitAllDelivered();
        var books = fp.rows("select id::text as id, source_type, created_by from finance.journal_entry");
        var received = fp.audit.entries().stream().filter(e -> e.action().equals("journal.posted")).toList();
        assertEquals(books.size(), received.size(), () -> "entries " + books + " vs audit " + received);
        assertEquals(books.size(), journalAuditRows());
        Map<String, Entry> byEntity = received.stream().collect(Collectors.toMap(e -> e.body().path("entity_id").asText(), e -> e));
        assertEquals(books.stream().map(b -> (String) b.get("id")).collect(Collectors.toSet()), byEntity.keySet());
        var outboxIds = fp.rows("select id::text as id, payload->>'entity_id' as entity from finance.outbox where topic = 'audit.journal.posted'");
        for (var row : outboxIds) assertEquals(row.get("id"), byEntity.get((String) row.get("entity")).key(), "the key is the outbox id");
        Set<String> kinds = new HashSet<>();
        for (var b : books) {
            Entry e = byEntity.get((String) b.get("id"));
            kinds.add((String) b.get("source_type"));
            assertEquals("finance-service", e.body().path("service").asText());
            assertEquals("journal_entry", e.body().path("entity_type").asText());
            assertEquals("posted", e.body().path("to").asText());
            assertEquals(b.get("source_type"), e.body().path("details").path("source_type").asText());
            assertTrue(e.bearer());
            String expected = "finance-service".equals(b.get("created_by")) ? "system" : (String) b.get("created_by");
            assertEquals(expected, e.body().path("actor").asText(), () -> "actor of " + b);
        }
        assertTrue(kinds.containsAll(Set.of("invoice_issued", "payment", "refund", "revenue_recognised", "credit_memo", "invoice_void",
                "bill", "bill_payment", "manual", "reversal")), kinds::toString);
        assertEquals(accountant, byEntity.get(manualId).body().path("actor").asText());
        assertEquals(accountant, byEntity.get(reversalId).body().path("actor").asText());
        assertEquals(manualId, byEntity.get(reversalId).body().path("details").path("reverses").asText());
        assertEquals("system", received.stream().filter(e -> e.body().path("details").path("source_type").asText().equals("payment"))
                .findFirst().orElseThrow().body().path("actor").asText(), "booked from payment-service's event");
    }

    @Test
    void a_month_closed_leaves_one_entry_and_closing_it_again_none() {
        fp.as("accountant").post("/periods/2026-08/close").then().statusCode(200);
        fp.as("accountant").post("/periods/2026-08/close").then().statusCode(409);
        fp.rawAs("manager").post("/periods/2026-07/close").then().statusCode(403);
        Entry closed = fp.audit.awaitOne("period.closed", "2026-08");
        var rows = fp.rows("select id::text as id from finance.outbox where topic = 'audit.period.closed'");
        assertEquals(1, rows.size());
        assertEquals(rows.getFirst().get("id"), closed.key());
        assertEquals("period", closed.body().path("entity_type").asText());
        assertEquals("open", closed.body().path("from").asText());
        assertEquals("closed", closed.body().path("to").asText());
        assertEquals(AuditTrailReceiver.actorOf(fp.platform.token("accountant")), closed.body().path("actor").asText());
        // a manual entry dated in the closed month is refused, and posts nothing to audit
        long before = journalAuditRows();
        fp.rawAs("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("entry_date", "2026-08-10", "memo", "late", "lines",
                        List.of(line("revenue", "debit", "5.00"), line("customer_deposits", "credit", "5.00"))))
                .post("/ledger/entries").then().statusCode(409);
        assertEquals(before, journalAuditRows());
    }

    @Test
    void an_entry_the_receiver_refuses_with_a_503_is_redelivered_under_the_same_key_and_kept_once() {
        fp.audit.unavailable(true);
        String entryId;
        String key;
        try {
            entryId = fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                    .body(manual(line("revenue", "debit", "7.00"), line("customer_deposits", "credit", "7.00")))
                    .post("/ledger/entries").then().statusCode(201).extract().path("id");
            key = (String) fp.rows("select id::text as id from finance.outbox where topic = 'audit.journal.posted' and payload->>'entity_id' = ?",
                    entryId).getFirst().get("id");
            fp.audit.awaitAttempt(key);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (fp.rows("select 1 from finance.outbox where id = ?::uuid and status = 'pending' and attempts >= 1 and last_error like '%503%'"
                    + " and leased_until is null", key).isEmpty()) {
                if (System.nanoTime() > deadline) throw new AssertionError("no failed attempt recorded");
                pause();
            }
        } finally {
            fp.audit.unavailable(false);
        }
        // the backoff puts the next attempt 10 s and more away: make it due now instead of waiting it out
        assertEquals(1, com.coachway.testkit.Rows.execute(fp.platform.databaseUrl(),
                "update finance.outbox set next_attempt_at = now() where id = ?::uuid", key));
        Entry e = fp.audit.awaitOne("journal.posted", entryId);
        assertEquals(key, e.key());
        var statuses = fp.audit.statuses(key);
        assertEquals(503, statuses.getFirst(), statuses::toString);
        assertEquals(201, statuses.getLast(), () -> "refused, then recorded once: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
    }
}
