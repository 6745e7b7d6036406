package com.coachway.common.idempotency;

import com.coachway.common.http.ApiException;
import com.coachway.common.testsupport.EmbeddedDb;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared Idempotency-Key store on the table its template makes, in a schema of its own. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RequestKeyStoreTest {
    private static final String SCHEMA = "shop";
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 1, 0, 0, 0, ZoneOffset.UTC);
    private static HikariDataSource dataSource;
    private static DSLContext dsl;
    private final RequestKeyStore keys = new RequestKeyStore(SCHEMA);

    @BeforeAll
    static void database() {
        dataSource = EmbeddedDb.newDatabaseWith(SCHEMA, 4, "request_key.sql.txt");
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @BeforeEach
    void noKeys() {
        dsl.execute("truncate shop.request_key");
    }

    private long rows() {
        return dsl.fetchCount(DSL.table(DSL.name(SCHEMA, "request_key")));
    }

    @Test
    void an_unknown_key_has_no_earlier_answer_and_a_remembered_one_answers_its_resource() {
        UUID made = UUID.randomUUID();
        assertEquals(Optional.empty(), keys.earlier(dsl, "user-1", "order", "k-1", "fp-a"));
        dsl.transaction(c -> keys.remember(c.dsl(), "user-1", "order", "k-1", "fp-a", made, NOW));
        assertEquals(Optional.of(made), keys.earlier(dsl, "user-1", "order", "k-1", "fp-a"));
        assertEquals(1, rows());
    }

    @Test
    void the_same_key_under_another_body_is_a_409_and_changes_nothing() {
        UUID made = UUID.randomUUID();
        keys.remember(dsl, "user-1", "order", "k-2", "fp-a", made, NOW);
        var e = assertThrows(ApiException.class, () -> keys.earlier(dsl, "user-1", "order", "k-2", "fp-b"));
        assertEquals(409, e.status());
        assertEquals(Optional.of(made), keys.earlier(dsl, "user-1", "order", "k-2", "fp-a"));
        assertEquals(1, rows());
    }

    @Test
    void a_key_belongs_to_one_caller_and_one_operation() {
        UUID first = UUID.randomUUID();
        keys.remember(dsl, "user-1", "order", "k-3", "fp-a", first, NOW);
        assertEquals(Optional.empty(), keys.earlier(dsl, "user-2", "order", "k-3", "fp-b"));
        assertEquals(Optional.empty(), keys.earlier(dsl, "user-1", "refund", "k-3", "fp-b"));
        UUID other = UUID.randomUUID();
        keys.remember(dsl, "user-2", "order", "k-3", "fp-b", other, NOW);
        assertEquals(Optional.of(first), keys.earlier(dsl, "user-1", "order", "k-3", "fp-a"));
        assertEquals(Optional.of(other), keys.earlier(dsl, "user-2", "order", "k-3", "fp-b"));
    }

    @Test
    void no_key_is_neither_looked_up_nor_stored() {
        keys.remember(dsl, "user-1", "order", null, "fp-a", UUID.randomUUID(), NOW);
        assertEquals(Optional.empty(), keys.earlier(dsl, "user-1", "order", null, "fp-a"));
        assertEquals(0, rows());
    }

    @Test
    void the_store_reads_and_writes_only_its_own_schema() {
        var elsewhere = new RequestKeyStore("nowhere");
        assertThrows(DataAccessException.class, () -> elsewhere.earlier(dsl, "user-1", "order", "k-4", "fp-a"));
    }

    /**
     * Two requests under one key that both find no earlier answer: the second insert waits for the
     * first one's commit, then fails and rolls its transaction back, so one row is left and the
     * loser's retry answers the winner's resource.
     */
    @Test
    void concurrent_twins_leave_one_row_and_the_losers_retry_answers_the_winners_resource() throws Exception {
        var bothLookedUp = new CountDownLatch(2);
        var results = new ArrayList<Future<UUID>>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> dsl.transactionResult(c -> {
                    DSLContext tx = c.dsl();
                    if (keys.earlier(tx, "user-1", "order", "k-twin", "fp-a").isPresent()) throw new AssertionError("found a twin early");
                    bothLookedUp.countDown();
                    assertTrue(bothLookedUp.await(30, TimeUnit.SECONDS), "the twin never looked up");
                    UUID made = UUID.randomUUID();
                    keys.remember(tx, "user-1", "order", "k-twin", "fp-a", made, NOW);
                    return made;
                })));
            }
        }
        List<UUID> won = new ArrayList<>();
        List<Throwable> lost = new ArrayList<>();
        for (Future<UUID> f : results) {
            try {
                won.add(f.get());
            } catch (ExecutionException e) {
                lost.add(e.getCause());
            }
        }
        assertEquals(1, won.size(), () -> "winners " + won + ", losers " + lost);
        assertEquals(1, lost.size());
        var violation = assertInstanceOf(DataAccessException.class, lost.getFirst());
        assertEquals("23505", violation.sqlState(), violation::getMessage);
        assertEquals(1, rows());
        assertEquals(Optional.of(won.getFirst()), keys.earlier(dsl, "user-1", "order", "k-twin", "fp-a"));
    }
}
