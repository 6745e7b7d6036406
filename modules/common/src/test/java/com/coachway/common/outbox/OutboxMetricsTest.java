package com.coachway.common.outbox;

import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.schedule.Scheduler;
import com.coachway.common.testsupport.Await;
import com.coachway.common.testsupport.EmbeddedDb;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outbox backlog gauges and the pool's meters, on a real PostgreSQL. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OutboxMetricsTest {
    private static final String SCHEMA = "met";
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static HikariDataSource dataSource;
    private static DSLContext dsl;
    private final Outbox outbox = new Outbox(SCHEMA);
    private final Scheduler scheduler = Scheduler.named("metrics-test");
    private final ServiceMetrics metrics = ServiceMetrics.create();

    @BeforeAll
    static void database() {
        dataSource = EmbeddedDb.newDatabaseWithOutbox(SCHEMA, 3);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @BeforeEach
    void emptyOutbox() {
        dsl.execute("truncate met.outbox");
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    private OutboxMetrics gauges(DSLContext on) {
        return OutboxMetrics.register(on, outbox, metrics.registry(), scheduler, Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void row(String status, Instant createdAt) {
        dsl.execute("insert into met.outbox (id, topic, payload, status, created_at) values (gen_random_uuid(), 'charter.booked', '{}', ?, cast(? as timestamptz))",
                status, createdAt.toString());
    }

    private static double gauge(MeterRegistry registry, String name) {
        return registry.get(name).tag("schema", SCHEMA).gauge().value();
    }

    @Test
    void the_gauges_count_pending_and_failed_events_and_age_the_oldest_pending_one_by_the_clock() {
        row("pending", NOW.minusSeconds(90));
        row("pending", NOW.minusSeconds(30));
        row("failed", NOW.minusSeconds(3600));
        row("delivered", NOW.minusSeconds(7200));
        var outboxMetrics = gauges(dsl);

        outboxMetrics.refresh();

        var registry = metrics.registry();
        assertEquals(2, gauge(registry, "outbox.pending"));
        assertEquals(1, gauge(registry, "outbox.failed"));
        assertEquals(90, gauge(registry, "outbox.oldest.pending.age"));
        String text = metrics.scrape();
        assertTrue(text.contains("outbox_pending_events{schema=\"met\"} 2"), text);
        assertTrue(text.contains("outbox_oldest_pending_age_seconds{schema=\"met\"} 90"), text);
        assertTrue(text.contains("outbox_failed_events{schema=\"met\"} 1"), text);
    }

    @Test
    void an_empty_outbox_is_zero_backlog_of_age_zero() {
        gauges(dsl).refresh();

        assertEquals(0, gauge(metrics.registry(), "outbox.pending"));
        assertEquals(0, gauge(metrics.registry(), "outbox.oldest.pending.age"));
    }

    @Test
    void the_scheduler_counts_the_table_from_when_it_starts() {
        row("pending", NOW.minusSeconds(5));
        gauges(dsl);
        assertTrue(Double.isNaN(gauge(metrics.registry(), "outbox.pending")), "not counted before the scheduler starts");

        scheduler.start();

        Await.until(Duration.ofSeconds(10), "the first count", () -> gauge(metrics.registry(), "outbox.pending") == 1);
    }

    @Test
    void while_the_table_cannot_be_counted_the_gauges_say_no_data_rather_than_stale_numbers() {
        row("pending", NOW.minusSeconds(5));
        var good = gauges(dsl);
        good.refresh();
        assertEquals(1, gauge(metrics.registry(), "outbox.pending"));

        var other = ServiceMetrics.create();
        var missing = OutboxMetrics.register(dsl, new Outbox("no_such_schema"), other.registry(), scheduler,
                Duration.ofHours(1), Clock.systemUTC());
        assertThrows(RuntimeException.class, missing::refresh);
        assertTrue(Double.isNaN(other.registry().get("outbox.pending").tag("schema", "no_such_schema").gauge().value()));
        assertTrue(Double.isNaN(other.registry().get("outbox.oldest.pending.age").tag("schema", "no_such_schema").gauge().value()));
    }

    @Test
    void the_pool_reports_its_connections() {
        var pool = EmbeddedDb.newDatabase(2);
        try {
            metrics.pool(pool);
            DSL.using(pool, SQLDialect.POSTGRES).selectOne().fetch();

            String text = metrics.scrape();
            String name = pool.getPoolName();
            assertTrue(text.contains("hikaricp_connections_max{pool=\"" + name + "\"} 2"), text);
            assertTrue(text.contains("hikaricp_connections_active{pool=\"" + name + "\"}"), text);
            assertTrue(text.contains("hikaricp_connections_pending{pool=\"" + name + "\"}"), text);
            assertThrows(IllegalArgumentException.class, () -> metrics.pool(new org.postgresql.ds.PGSimpleDataSource()));
        } finally {
            pool.close();
        }
    }
}
