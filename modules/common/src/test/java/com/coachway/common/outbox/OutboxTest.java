package com.coachway.common.outbox;

import com.coachway.common.config.Config;
import com.coachway.common.http.RequestIds;
import com.coachway.common.testsupport.Await;
import com.coachway.common.testsupport.EmbeddedDb;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OutboxTest {
    private static final String SCHEMA = "evt";
    private static HikariDataSource dataSource;
    private static DSLContext dsl;
    private final Outbox outbox = new Outbox(SCHEMA);
    private final List<OutboxWorker> workers = new ArrayList<>();

    record TripBooked(UUID charterId, BigDecimal total) {
    }

    @BeforeAll
    static void database() {
        dataSource = EmbeddedDb.newDatabaseWithOutbox(SCHEMA, 8);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @BeforeEach
    void emptyOutbox() {
        dsl.execute("truncate evt.outbox");
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(OutboxWorker::close);
    }

    private OutboxWorker.Builder worker() {
        return OutboxWorker.builder(dsl, outbox).pollInterval(Duration.ofMillis(10));
    }

    private OutboxWorker started(OutboxWorker.Builder builder) {
        OutboxWorker w = builder.start();
        workers.add(w);
        return w;
    }

    private Map<String, Object> row(UUID id) {
        return dsl.fetchOne("select status, attempts, last_error, delivered_at, next_attempt_at, leased_until, "
                + "extract(epoch from next_attempt_at - clock_timestamp()) * 1000 as due_in_ms "
                + "from evt.outbox where id = ?", id).intoMap();
    }

    private long count(String status) {
        return dsl.fetchOne("select count(*) from evt.outbox where status = ?", status).get(0, Long.class);
    }

    private void makeDueNow(UUID id) {
        dsl.execute("update evt.outbox set next_attempt_at = now() where id = ?", id);
    }

    /** What the clock would do to a lease: it has run out. */
    private void expireLease(UUID id) {
        dsl.execute("update evt.outbox set leased_until = now() - interval '1 second' where id = ?", id);
    }

    /** A receiver as every receiver must be: it dedupes on the event id, so a redelivery changes nothing. */
    static final class CountingReceiver {
        final AtomicInteger deliveries = new AtomicInteger();
        final AtomicInteger applied = new AtomicInteger();
        private final Set<UUID> seen = ConcurrentHashMap.newKeySet();

        void receive(OutboxEvent e) {
            deliveries.incrementAndGet();
            if (seen.add(e.id())) applied.incrementAndGet();
        }
    }

    @Test
    void a_worker_killed_between_delivery_and_marking_is_redelivered_after_its_lease_and_the_receiver_applies_it_once() throws Exception {
        var receiver = new CountingReceiver();
        var delivered = new CountDownLatch(1);
        var dead = new CountDownLatch(1);
        OutboxWorker killed = started(worker().handler("trip.booked", e -> {
            receiver.receive(e);
            delivered.countDown();
            dead.await(); // the process dies here: delivered, and its outcome never recorded
        }));
        UUID id = outbox.enqueue(dsl, "trip.booked", Map.of("n", 1));
        assertTrue(delivered.await(10, TimeUnit.SECONDS), "the first worker delivered");

        var successor = worker().handler("trip.booked", receiver::receive).build();
        assertEquals(0, successor.runOnce(), "while the lease lasts no other worker takes the event");
        assertEquals("pending", row(id).get("status"));
        expireLease(id);
        assertEquals(1, successor.runOnce(), "once the lease has run out the event is delivered again");

        assertEquals(2, receiver.deliveries.get(), "delivered twice");
        assertEquals(1, receiver.applied.get(), "applied once");
        var r = row(id);
        assertEquals("delivered", r.get("status"));
        assertEquals(2, r.get("attempts"), "the lost attempt counts");

        // The first worker was only stalled, not dead: what it records now is fenced off by the newer lease.
        dead.countDown();
        killed.close();
        var after = row(id);
        for (String column : List.of("status", "attempts", "last_error", "delivered_at", "leased_until")) {
            assertEquals(r.get(column), after.get(column), column);
        }
        assertEquals(0, successor.runOnce(), "nothing is left to deliver");
    }

    @Test
    void a_handler_runs_outside_any_transaction_holding_no_row_lock_and_no_connection() throws Exception {
        var observed = new CopyOnWriteArrayList<Object>();
        var w = worker().handler("trip.booked", e -> {
            // From another connection, while the handler runs: the row can be locked at once and nobody waits in a transaction.
            observed.add(dsl.fetchOne("select id from evt.outbox where id = ? for update nowait", e.id()).get(0, UUID.class));
            observed.add(dsl.fetchOne("select count(*) from pg_stat_activity where datname = current_database() "
                    + "and state like 'idle in transaction%'").get(0, Long.class));
            observed.add(dataSource.getHikariPoolMXBean().getActiveConnections());
        }).build();
        UUID id = outbox.enqueue(dsl, "trip.booked", Map.of("n", 1));

        assertEquals(1, w.runOnce());

        assertEquals(List.of(id, 0L, 0), observed, "row lockable, no session idle in a transaction, no pooled connection held");
        assertEquals("delivered", row(id).get("status"));
    }

    @Test
    void rows_leased_but_not_started_when_the_worker_closes_are_handed_back_due_at_once() {
        var seen = new CopyOnWriteArrayList<UUID>();
        var box = new OutboxWorker[1];
        var w = worker().batchSize(10).handler("trip.booked", e -> {
            seen.add(e.id());
            box[0].close(); // closed while the first of the batch is delivered
        }).build();
        box[0] = w;
        for (int i = 0; i < 3; i++) outbox.enqueue(dsl, "trip.booked", Map.of("n", i));

        assertEquals(1, w.runOnce());

        assertEquals(1, seen.size());
        assertEquals(1L, count("delivered"));
        assertEquals(List.of(0, 0), dsl.resultQuery("select attempts from evt.outbox where status = 'pending'").fetch(0, Integer.class));
        assertEquals(2, worker().handler("trip.booked", e -> { }).build().runOnce(), "the other two are due for the next worker at once");
    }

    @Test
    void rows_leased_but_not_started_when_the_services_scheduler_stops_are_handed_back_due_at_once() throws Exception {
        var scheduler = com.coachway.common.schedule.Scheduler.named("outbox-test");
        var stopper = new Thread[1];
        var seen = new CopyOnWriteArrayList<UUID>();
        var w = worker().batchSize(10).handler("trip.booked", e -> {
            seen.add(e.id());
            // the service stops while the first of the batch is delivered
            stopper[0] = Thread.ofVirtual().start(scheduler::close);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (!scheduler.closing() && System.nanoTime() < deadline) Thread.onSpinWait();
        }).build();
        for (int i = 0; i < 3; i++) outbox.enqueue(dsl, "trip.booked", Map.of("n", i));

        w.scheduleOn(scheduler);
        scheduler.start();
        Await.until(java.time.Duration.ofSeconds(10), "the scheduler runs the worker", () -> stopper[0] != null);
        stopper[0].join();

        assertEquals(1, seen.size());
        assertEquals(1L, count("delivered"));
        assertEquals(List.of(0, 0), dsl.resultQuery("select attempts from evt.outbox where status = 'pending'").fetch(0, Integer.class));
        assertEquals(2, worker().handler("trip.booked", e -> { }).build().runOnce(), "the other two are due for the next worker at once");
    }

    @Test
    void an_event_enqueued_in_a_transaction_that_rolls_back_is_never_written() {
        assertThrows(IllegalStateException.class, () -> dsl.transaction(c -> {
            outbox.enqueue(c.dsl(), "trip.booked", new TripBooked(UUID.randomUUID(), new BigDecimal("10.00")));
            throw new IllegalStateException("the booking failed after the event was enqueued");
        }));

        assertEquals(0L, dsl.fetchOne("select count(*) from evt.outbox").get(0, Long.class));
    }

    @Test
    void an_event_enqueued_in_a_committed_transaction_is_pending_due_now_with_its_payload_as_snake_case_json() {
        UUID charter = UUID.randomUUID();
        UUID id = dsl.transactionResult(c -> outbox.enqueue(c.dsl(), "trip.booked", new TripBooked(charter, new BigDecimal("1250.50"))));

        var r = dsl.fetchOne("select topic, status, attempts, payload::text as payload, next_attempt_at <= now() as due "
                + "from evt.outbox where id = ?", id);
        assertEquals("trip.booked", r.get("topic"));
        assertEquals("pending", r.get("status"));
        assertEquals(0, r.get("attempts"));
        assertEquals(true, r.get("due"));
        assertEquals("{\"total\": 1250.50, \"charter_id\": \"" + charter + "\"}", r.get("payload"));
    }

    @Test
    void enqueue_rejects_a_malformed_topic_and_a_missing_payload() {
        assertThrows(IllegalArgumentException.class, () -> outbox.enqueue(dsl, "Trip Booked", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> outbox.enqueue(dsl, "", Map.of()));
        assertThrows(NullPointerException.class, () -> outbox.enqueue(dsl, "trip.booked", null));
    }

    @Test
    void the_running_worker_delivers_a_due_event_with_its_id_and_marks_it_delivered() {
        var received = new CopyOnWriteArrayList<OutboxEvent>();
        var requestIds = new CopyOnWriteArrayList<String>();
        started(worker().handler("trip.booked", e -> {
            received.add(e);
            requestIds.add(RequestIds.current());
        }));
        UUID charter = UUID.randomUUID();

        UUID id = dsl.transactionResult(c -> outbox.enqueue(c.dsl(), "trip.booked", new TripBooked(charter, new BigDecimal("99.90"))));

        Await.until(Duration.ofSeconds(10), "the event is delivered", () -> "delivered".equals(row(id).get("status")));
        assertEquals(1, received.size());
        OutboxEvent event = received.getFirst();
        assertEquals(id, event.id());
        assertEquals("trip.booked", event.topic());
        assertEquals(1, event.attempt());
        assertNotNull(event.createdAt());
        assertEquals(new TripBooked(charter, new BigDecimal("99.90")), event.payloadAs(TripBooked.class));
        assertEquals("outbox-" + id, requestIds.getFirst(), "calls made while delivering carry one request id per event");
        var r = row(id);
        assertEquals(1, r.get("attempts"));
        assertNotNull(r.get("delivered_at"));
        assertNull(r.get("last_error"));
    }

    @Test
    void the_payload_can_be_read_back_even_when_it_has_fields_the_reader_does_not_know() {
        var received = new CopyOnWriteArrayList<TripBooked>();
        var w = worker().handler("trip.booked", e -> received.add(e.payloadAs(TripBooked.class))).build();
        UUID charter = UUID.randomUUID();
        outbox.enqueue(dsl, "trip.booked", Map.of("charter_id", charter.toString(), "total", 5, "added_later", true));

        assertEquals(1, w.runOnce());

        assertEquals(List.of(new TripBooked(charter, new BigDecimal("5"))), received);
    }

    @Test
    void a_failing_handler_is_retried_with_doubling_delays_up_to_the_cap_and_ends_failed_after_max_attempts() {
        var attempts = new CopyOnWriteArrayList<Integer>();
        var w = worker()
                .handler("trip.booked", e -> {
                    attempts.add(e.attempt());
                    throw new IllegalStateException("receiver said no to attempt " + e.attempt());
                })
                .maxAttempts(4)
                .backoff(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30), 0))
                .build();
        UUID id = outbox.enqueue(dsl, "trip.booked", Map.of("n", 1));
        long[] expectedDelays = {10_000, 20_000, 30_000};

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals(1, w.runOnce());
            var r = row(id);
            assertEquals("pending", r.get("status"));
            assertEquals(attempt, r.get("attempts"));
            assertEquals("java.lang.IllegalStateException: receiver said no to attempt " + attempt, r.get("last_error"));
            double dueInMs = ((Number) r.get("due_in_ms")).doubleValue();
            long expected = expectedDelays[attempt - 1];
            assertTrue(dueInMs > expected - 2_000 && dueInMs <= expected,
                    "attempt " + attempt + " should be retried in about " + expected + " ms, is due in " + dueInMs);
            assertEquals(0, w.runOnce(), "an event that is not yet due again is left alone");
            makeDueNow(id);
        }
        assertEquals(1, w.runOnce());

        var r = row(id);
        assertEquals("failed", r.get("status"));
        assertEquals(4, r.get("attempts"));
        assertEquals("java.lang.IllegalStateException: receiver said no to attempt 4", r.get("last_error"));
        makeDueNow(id);
        assertEquals(0, w.runOnce(), "a failed event is never tried again");
        assertEquals(List.of(1, 2, 3, 4), attempts);
    }

    @Test
    void the_deployments_settings_set_the_attempts_and_refuse_what_is_out_of_range_naming_the_variable() {
        var w = OutboxWorker.builder(dsl, outbox)
                .configured(Config.of(Map.of("OUTBOX_MAX_ATTEMPTS", "2", "OUTBOX_POLL_INTERVAL_MS", "10")))
                .handler("trip.booked", e -> {
                    throw new IllegalStateException("no");
                })
                .backoff(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30), 0))
                .build();
        UUID id = outbox.enqueue(dsl, "trip.booked", Map.of("n", 1));
        assertEquals(1, w.runOnce());
        assertEquals("pending", row(id).get("status"));
        makeDueNow(id);
        assertEquals(1, w.runOnce());
        assertEquals("failed", row(id).get("status"), "the second attempt was the last");

        var tooMany = assertThrows(Config.ConfigException.class,
                () -> OutboxWorker.builder(dsl, outbox).configured(Config.of(Map.of("OUTBOX_MAX_ATTEMPTS", "51"))));
        assertTrue(tooMany.getMessage().contains("OUTBOX_MAX_ATTEMPTS"), tooMany.getMessage());
        var tooFast = assertThrows(Config.ConfigException.class,
                () -> OutboxWorker.builder(dsl, outbox).configured(Config.of(Map.of("OUTBOX_POLL_INTERVAL_MS", "9"))));
        assertTrue(tooFast.getMessage().contains("OUTBOX_POLL_INTERVAL_MS"), tooFast.getMessage());
        var noPause = assertThrows(Config.ConfigException.class,
                () -> OutboxWorker.builder(dsl, outbox).configured(Config.of(Map.of("OUTBOX_BACKOFF_BASE_MS", "0"))));
        assertTrue(noPause.getMessage().contains("OUTBOX_BACKOFF_BASE_MS"), noPause.getMessage());
    }

    @Test
    void a_handler_hears_once_that_its_event_failed_for_good_after_the_row_is_marked_failed() {
        var heard = new CopyOnWriteArrayList<String>();
        var w = worker()
                .handler("trip.booked", new OutboxHandler() {
                    @Override
                    public void handle(OutboxEvent e) {
                        throw new IllegalStateException("no " + e.attempt());
                    }

                    @Override
                    public void failedForGood(OutboxEvent e, String lastError) {
                        heard.add(e.payload().path("n").asInt() + " " + e.attempt() + " " + row(e.id()).get("status") + " " + lastError);
                    }
                })
                .maxAttempts(2)
                .backoff(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30), 0))
                .build();
        UUID id = outbox.enqueue(dsl, "trip.booked", Map.of("n", 7));

        assertEquals(1, w.runOnce());
        assertEquals(List.of(), heard, "not while attempts are left");
        makeDueNow(id);
        assertEquals(1, w.runOnce());
        makeDueNow(id);
        assertEquals(0, w.runOnce());

        assertEquals(List.of("7 2 failed java.lang.IllegalStateException: no 2"), heard);
    }

    @Test
    void the_running_worker_retries_a_failing_event_by_itself_after_growing_pauses_until_it_succeeds() {
        var calls = new CopyOnWriteArrayList<Long>();
        started(worker()
                .pollInterval(Duration.ofMillis(5))
                .backoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0))
                .handler("trip.booked", e -> {
                    calls.add(System.nanoTime());
                    if (e.attempt() < 4) throw new IllegalStateException("not yet");
                }));

        UUID id = outbox.enqueue(dsl, "trip.booked", Map.of("n", 1));

        Await.until(Duration.ofSeconds(20), "the event is delivered", () -> "delivered".equals(row(id).get("status")));
        assertEquals(4, calls.size());
        assertEquals(4, row(id).get("attempts"));
        for (int i = 1; i < calls.size(); i++) {
            long gapMs = (calls.get(i) - calls.get(i - 1)) / 1_000_000;
            long minimum = 100L << (i - 1);
            assertTrue(gapMs >= minimum - 10, "pause " + i + " should be at least " + minimum + " ms, was " + gapMs);
        }
    }

    @Test
    void an_event_whose_topic_has_no_handler_here_waits_untouched_until_a_worker_that_knows_it_runs() {
        var w = worker().handler("trip.booked", e -> { }).build();
        UUID id = outbox.enqueue(dsl, "invoice.issued", Map.of("n", 1));

        assertEquals(0, w.runOnce());
        var r = row(id);
        assertEquals("pending", r.get("status"));
        assertEquals(0, r.get("attempts"));
        assertEquals(null, r.get("last_error"));

        var seen = new java.util.ArrayList<UUID>();
        var later = worker().handler("invoice.issued", e -> seen.add(e.id())).build();
        assertEquals(1, later.runOnce());
        assertEquals(List.of(id), seen);
        assertEquals("delivered", row(id).get("status"));
    }

    @Test
    void a_very_long_error_message_with_nul_characters_is_stored_truncated_and_without_them() {
        var w = worker().handler("trip.booked", e -> {
            throw new RuntimeException("bad\u0000byte " + "x".repeat(10_000));
        }).build();
        UUID id = outbox.enqueue(dsl, "trip.booked", Map.of("n", 1));

        assertEquals(1, w.runOnce());

        String error = (String) row(id).get("last_error");
        assertEquals(2000, error.length());
        assertTrue(error.startsWith("java.lang.RuntimeException: bad byte xxx"));
        assertTrue(error.endsWith("…"));
    }

    @Test
    void two_workers_running_together_deliver_each_of_200_events_exactly_once() {
        var deliveries = new ConcurrentHashMap<UUID, AtomicInteger>();
        var byWorker = new ConcurrentHashMap<String, AtomicInteger>();
        List<UUID> ids = dsl.transactionResult(c -> {
            var out = new ArrayList<UUID>();
            for (int i = 0; i < 200; i++) out.add(outbox.enqueue(c.dsl(), "trip.booked", Map.of("n", i)));
            return out;
        });
        for (String name : List.of("a", "b")) {
            started(worker()
                    .pollInterval(Duration.ofMillis(5))
                    .batchSize(10)
                    .handler("trip.booked", e -> {
                        deliveries.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet();
                        byWorker.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                        Thread.sleep(1); // long enough that the two workers overlap
                    }));
        }

        Await.until(Duration.ofSeconds(60), "all 200 events are delivered", () -> count("delivered") == 200);

        assertEquals(200, deliveries.size());
        assertTrue(deliveries.keySet().containsAll(ids));
        var counts = deliveries.values().stream().map(AtomicInteger::get).distinct().toList();
        assertEquals(List.of(1), counts, "every event was handled exactly once");
        assertEquals(200, byWorker.values().stream().mapToInt(AtomicInteger::get).sum());
        assertEquals(Set.of("a", "b"), byWorker.keySet(), "both workers took part: " + byWorker);
        assertEquals(Collections.nCopies(200, 1), dsl.resultQuery("select attempts from evt.outbox").fetch(0, Integer.class));
    }

    @Test
    void close_stops_an_idle_worker_at_once_even_with_a_long_poll_interval() {
        OutboxWorker w = started(worker().pollInterval(Duration.ofMinutes(10)).handler("trip.booked", e -> { }));

        assertTimeoutPreemptively(Duration.ofSeconds(5), w::close);
        UUID id = outbox.enqueue(dsl, "trip.booked", Map.of("n", 1));
        assertEquals(0, w.runOnce(), "a closed worker delivers nothing");
        assertEquals("pending", row(id).get("status"));
    }

    @Test
    void delivered_events_past_the_retention_are_purged_while_pending_and_failed_ones_stay() {
        UUID oldDelivered = outbox.enqueue(dsl, "trip.booked", Map.of("n", 1));
        UUID recentDelivered = outbox.enqueue(dsl, "trip.booked", Map.of("n", 2));
        UUID pending = outbox.enqueue(dsl, "trip.booked", Map.of("n", 3));
        UUID failed = outbox.enqueue(dsl, "trip.booked", Map.of("n", 4));
        dsl.execute("update evt.outbox set status = 'delivered', delivered_at = now() - interval '8 days' where id = ?", oldDelivered);
        dsl.execute("update evt.outbox set status = 'delivered', delivered_at = now() - interval '1 day' where id = ?", recentDelivered);
        dsl.execute("update evt.outbox set status = 'failed', created_at = now() - interval '30 days' where id = ?", failed);

        assertEquals(1, outbox.purgeDelivered(dsl, Duration.ofDays(7)));

        assertEquals(List.of(recentDelivered, pending, failed).stream().sorted().toList(),
                dsl.resultQuery("select id from evt.outbox order by id").fetch(0, UUID.class));
    }

    @Test
    void the_worker_leaves_the_request_id_of_the_thread_that_ran_it_as_it_was() {
        var w = worker().handler("trip.booked", e -> { }).build();
        outbox.enqueue(dsl, "trip.booked", Map.of("n", 1));
        MDC.put(RequestIds.MDC_KEY, "outer-request");
        try {
            w.runOnce();
            assertEquals("outer-request", MDC.get(RequestIds.MDC_KEY));
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    @Test
    void a_worker_cannot_be_given_two_handlers_for_one_topic() {
        var builder = worker().handler("trip.booked", e -> { });
        assertThrows(IllegalArgumentException.class, () -> builder.handler("trip.booked", e -> { }));
    }
}
