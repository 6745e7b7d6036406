package com.coachway.finance;

import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.coachway.finance.FinancePlatform.START;
import static com.coachway.finance.FinancePlatform.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For random sequences of money events — invoices issued, payments, refunds, credit memos,
 * completions, voids — in random order and with duplicates (the same event again, the same
 * payment under another event id, refunds that arrive before their payment and are retried as an
 * outbox would), through the HTTP API against one database: the trial balance balances, the AR
 * control account equals the sum of open invoice balances, customer deposits equal unrecognised
 * invoices plus unapplied credit, no invoice balance and no unapplied credit is ever below zero.
 */
class BooksPropertyTest {
    static FinancePlatform fp;

    @BeforeContainer
    static void start() {
        fp = new FinancePlatform();
    }

    @AfterContainer
    static void stop() {
        fp.close();
    }

    /** kind: 0 issue, 1 pay, 2 refund, 3 credit memo, 4 complete, 5 void, 6 redeliver; a, b, c pick what and how much. */
    record Step(int kind, int a, int b, int c) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        var step = Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999)).as(Step::new);
        return step.list().ofMinSize(3).ofMaxSize(16);
    }

    record Sent(String path, String eventId, Map<String, Object> body) {
    }

    private static final Set<Integer> EXPECTED = Set.of(200, 201, 409);

    @Property(tries = 15)
    void the_books_always_balance_and_agree_with_the_invoices(@ForAll("steps") List<Step> steps) {
        String client = UUID.randomUUID().toString();
        fp.clientIs(client, "Prop " + client.substring(0, 6), 15);
        List<String> charters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String charter = UUID.randomUUID().toString();
            fp.charterIs(charter, client, (100 + 37 * i) + ".50");
            charters.add(charter);
        }
        Map<String, String> invoiceOf = new LinkedHashMap<>();
        List<String> paymentIds = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        List<Sent> retry = new ArrayList<>();
        List<Sent> late = new ArrayList<>();
        Instant at = START.minus(Duration.ofDays(3));

        for (Step s : steps) {
            String charter = charters.get(s.a() % charters.size());
            Response r = switch (s.kind()) {
                case 0 -> {
                    Response made = fp.as("accountant").contentType("application/json")
                            .body(Map.of("issue", true, "issue_date", TODAY.minusDays(s.b() % 4).toString()))
                            .post("/invoices/from-charter/" + charter);
                    if (made.statusCode() == 201) invoiceOf.put(charter, made.path("id"));
                    yield made;
                }
                case 1 -> {
                    String paymentId = UUID.randomUUID().toString();
                    paymentIds.add(paymentId);
                    yield send(sent, retry, new Sent("payment-recorded", UUID.randomUUID().toString(), FinancePlatform.paymentRecorded(paymentId,
                            client, s.c() % 2 == 0 ? charter : null, BigDecimal.valueOf(1 + s.b() * 31L, 2).toPlainString(),
                            at.plus(Duration.ofHours(s.c() % 60)))));
                }
                case 2 -> {
                    // a refund of a payment sent so far, or of one whose payment.recorded arrives only later (409 now, retried at the end)
                    boolean early = paymentIds.isEmpty() || s.c() % 4 == 0;
                    String paymentId = early ? UUID.randomUUID().toString() : paymentIds.get(s.a() % paymentIds.size());
                    if (early) {
                        late.add(new Sent("payment-recorded", UUID.randomUUID().toString(), FinancePlatform.paymentRecorded(paymentId, client,
                                null, BigDecimal.valueOf(100 + s.b() * 11L, 2).toPlainString(), at.plus(Duration.ofHours(40)))));
                    }
                    yield send(sent, retry, new Sent("payment-refunded", UUID.randomUUID().toString(), FinancePlatform.paymentRefunded(
                            UUID.randomUUID().toString(), paymentId, client, null, BigDecimal.valueOf(1 + s.b() * 5L, 2).toPlainString(),
                            at.plus(Duration.ofHours(50 + s.c() % 20)))));
                }
                case 3 -> {
                    String invoice = invoiceOf.get(charter);
                    if (invoice == null) yield null;
                    String kind = List.of("goodwill", "cancellation_fee", "other").get(s.c() % 3);
                    yield fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                            .body(Map.of("kind", kind, "amount", BigDecimal.valueOf(1 + s.b() * 17L, 2), "reason", "property"))
                            .post("/invoices/" + invoice + "/credit-memos");
                }
                case 4 -> send(sent, retry, new Sent("charter-status", UUID.randomUUID().toString(),
                        FinancePlatform.charterStatus(charter, client, s.c() % 5 == 0 ? "cancelled" : "completed", at.plus(Duration.ofHours(70)))));
                case 5 -> {
                    String invoice = invoiceOf.get(charter);
                    if (invoice == null) yield null;
                    Response voided = fp.as("accountant").contentType("application/json").body(Map.of("reason", "property"))
                            .post("/invoices/" + invoice + "/void");
                    if (voided.statusCode() == 200) invoiceOf.remove(charter);
                    yield voided;
                }
                default -> {
                    if (sent.isEmpty()) yield null;
                    Sent again = sent.get(s.a() % sent.size());
                    // the same event id again, or the same payload under a new event id
                    yield send(sent, retry, s.c() % 2 == 0 ? again : new Sent(again.path(), UUID.randomUUID().toString(), again.body()));
                }
            };
            if (r != null) assertTrue(EXPECTED.contains(r.statusCode()), () -> s + " answered " + r.statusCode() + ": " + r.asString());
        }
        // the payments that were late arrive; the outbox retries what was refused for now (a refund more than is left stays refused)
        for (Sent s : late) send(sent, new ArrayList<>(), s);
        for (Sent s : List.copyOf(retry)) {
            Response r = fp.event(s.path(), s.eventId(), s.body());
            assertTrue(EXPECTED.contains(r.statusCode()), () -> "retry of " + s + " answered " + r.statusCode() + ": " + r.asString());
        }

        assertBooks();
    }

    private static Response send(List<Sent> sent, List<Sent> retry, Sent s) {
        Response r = fp.event(s.path(), s.eventId(), s.body());
        sent.add(s);
        if (r.statusCode() == 409) retry.add(s);
        return r;
    }

    static BigDecimal one(String sql) {
        Object v = fp.rows(sql).getFirst().values().iterator().next();
        return v == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(v.toString()).setScale(2);
    }

    static void assertBooks() {
        LocalDate farOut = TODAY.plusYears(1);
        Map<String, BigDecimal> b = fp.balances(farOut);  // asserts balanced: true
        BigDecimal openBalances = one("select sum(total - credited - paid) from finance.invoice where status in ('issued','partially_paid','paid')");
        assertEquals(openBalances, b.get("accounts_receivable"), "AR control = Σ open invoice balances");
        BigDecimal unapplied = one("select sum(amount - applied - refunded) from finance.payment_receipt");
        BigDecimal deferred = one("select sum(total - credited) from finance.invoice where status in ('issued','partially_paid','paid') and recognised_on is null");
        assertEquals(deferred.add(unapplied), b.get("customer_deposits"), "customer deposits = unrecognised invoices + unapplied credit");
        assertEquals(BigDecimal.ZERO.setScale(2), one("select count(*) from finance.invoice where total - credited - paid < 0 or paid < 0"),
                "no invoice balance below zero");
        assertEquals(BigDecimal.ZERO.setScale(2), one("select count(*) from finance.payment_receipt where amount - applied - refunded < 0"),
                "no unapplied credit below zero");
        assertEquals(BigDecimal.ZERO.setScale(2), one("select count(*) from finance.invoice i where i.paid <> coalesce((select sum(a.amount)"
                + " from finance.application a where a.invoice_id = i.id), 0)"), "an invoice's paid is the sum of its applications");
        assertEquals(BigDecimal.ZERO.setScale(2), one("select count(*) from finance.payment_receipt p where p.applied <> coalesce((select sum(a.amount)"
                + " from finance.application a where a.payment_id = p.payment_id), 0)"), "a payment's applied is the sum of its applications");
        assertEquals(one("select sum(amount) - coalesce(sum(fee), 0) from finance.payment_receipt")
                        .subtract(one("select sum(amount) from finance.refund_receipt")), b.get("cash"), "cash = payments − fees − refunds");
        assertEquals(BigDecimal.ZERO.setScale(2), one("select count(*) from finance.invoice where status in ('issued','partially_paid','paid')"
                + " and (total - credited - paid = 0) <> (status = 'paid')"), "status paid exactly when nothing is open");
        assertEquals(BigDecimal.ZERO.setScale(2), one("select count(*) from finance.invoice where status in ('issued','partially_paid','paid')"
                + " and (settled_on is null) <> (total - credited - paid > 0)"), "settled_on is set exactly when nothing is open");
        assertEquals(BigDecimal.ZERO.setScale(2), one("select count(*) from finance.invoice i where i.settled_on < greatest(i.issue_date,"
                + " (select max(a.applied_on) from finance.application a where a.invoice_id = i.id),"
                + " (select max(m.memo_date) from finance.credit_memo m where m.invoice_id = i.id))"),
                "settled_on is no earlier than anything booked on the invoice");
    }
}
