package com.coachway.common.db;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.Cursor;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.testsupport.EmbeddedDb;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keyset paging on a real PostgreSQL, on a table full of ties so the id tiebreaker matters. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KeysetTest {
    private static final Table<Record> ROWS = DSL.table(DSL.name("rows"));
    private static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    private static final Field<OffsetDateTime> AT = DSL.field(DSL.name("at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.CLOB);
    private static final Field<Boolean> FLAG = DSL.field(DSL.name("flag"), SQLDataType.BOOLEAN);
    private static final Field<Integer> N = DSL.field(DSL.name("n"), SQLDataType.INTEGER);

    private static final Keyset BY_AT = Keyset.of("rows:at", AT.asc(), ID.asc());
    private static final Keyset BY_AT_DESC = Keyset.of("rows:-at", AT.desc(), ID.desc());
    private static final Keyset FLAGGED_THEN_NAME = Keyset.of("rows:flag", FLAG.desc(), DSL.lower(NAME).asc(), ID.asc());

    private static HikariDataSource db;
    private static DSLContext dsl;

    @BeforeAll
    static void seed() {
        db = EmbeddedDb.newDatabase(2);
        dsl = DSL.using(db, SQLDialect.POSTGRES);
        dsl.execute("create table rows (id uuid primary key, n int not null, at timestamptz not null, name text not null, flag boolean not null)");
        // 7 distinct times (with microseconds, which a cursor must keep), 4 names in two cases, every 3rd flagged
        dsl.execute("""
                insert into rows select gen_random_uuid(), g, timestamptz '2027-01-01 13:00:00.123456Z' + (g % 7) * interval '1 hour',
                       (array['Alpha', 'beta', 'ALPHA', 'Beta'])[1 + g % 4], g % 3 = 0
                  from generate_series(1, 103) g""");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Page<Integer> page(Keyset keyset, Condition where, PageRequest request) {
        long total = dsl.fetchCount(ROWS, where);
        return keyset.page(dsl.select(N).select(keyset.order().stream().<Field<?>>map(s -> s.$field()).toList()).from(ROWS).where(where),
                request, total, r -> r.get(N));
    }

    /** Every row in the keyset's order, one statement: what the pages must add up to. */
    private static List<Integer> all(Keyset keyset, Condition where) {
        return dsl.select(N).from(ROWS).where(where).orderBy(keyset.order()).fetch(N);
    }

    private static List<Integer> walk(Keyset keyset, Condition where, int limit) {
        var seen = new ArrayList<Integer>();
        PageRequest request = new PageRequest(limit, 0);
        while (true) {
            Page<Integer> p = page(keyset, where, request);
            assertEquals(all(keyset, where).size(), p.total());
            seen.addAll(p.items());
            if (p.next() == null) return seen;
            assertEquals(limit, p.items().size(), "only the last page is short");
            request = new PageRequest(limit, 0, Cursor.decode(p.next()).orElseThrow());
        }
    }

    @Test
    void following_next_visits_every_row_once_in_order_ascending() {
        assertEquals(all(BY_AT, DSL.noCondition()), walk(BY_AT, DSL.noCondition(), 10));
    }

    @Test
    void following_next_visits_every_row_once_in_order_descending() {
        assertEquals(all(BY_AT_DESC, DSL.noCondition()), walk(BY_AT_DESC, DSL.noCondition(), 7));
    }

    @Test
    void following_next_visits_every_row_once_with_mixed_directions_and_an_expression_key() {
        assertEquals(all(FLAGGED_THEN_NAME, DSL.noCondition()), walk(FLAGGED_THEN_NAME, DSL.noCondition(), 4));
    }

    @Test
    void a_filter_applies_to_every_page() {
        Condition evenOnes = N.mod(2).eq(0);

        assertEquals(all(BY_AT, evenOnes), walk(BY_AT, evenOnes, 6));
        assertEquals(all(FLAGGED_THEN_NAME, evenOnes), walk(FLAGGED_THEN_NAME, evenOnes, 6));
    }

    @Test
    void a_page_that_ends_the_list_exactly_has_no_next() {
        Page<Integer> p = page(BY_AT, DSL.noCondition(), new PageRequest(103, 0));

        assertEquals(103, p.items().size());
        assertNull(p.next());
    }

    @Test
    void an_offset_page_also_says_where_the_next_one_starts() {
        Page<Integer> byOffset = page(BY_AT, DSL.noCondition(), new PageRequest(10, 20));
        assertNotNull(byOffset.next());
        Page<Integer> after = page(BY_AT, DSL.noCondition(), new PageRequest(10, 0, Cursor.decode(byOffset.next()).orElseThrow()));

        assertEquals(all(BY_AT, DSL.noCondition()).subList(30, 40), after.items());
        assertEquals(20, byOffset.offset());
    }

    @Test
    void a_cursor_of_another_order_is_refused_as_bad_input() {
        String next = page(BY_AT, DSL.noCondition(), new PageRequest(10, 0)).next();

        var e = assertThrows(ApiException.class,
                () -> page(BY_AT_DESC, DSL.noCondition(), new PageRequest(10, 0, Cursor.decode(next).orElseThrow())));
        assertEquals(400, e.status());
        assertEquals("after", e.errors().getFirst().field());
    }

    @Test
    void a_cursor_whose_keys_are_not_of_the_orders_types_or_number_is_refused_as_bad_input() {
        for (List<String> keys : List.of(List.of("yesterday", UUID.randomUUID().toString()), List.of("2027-01-01T13:00Z", "not-a-uuid"),
                List.of("2027-01-01T13:00Z"), List.of("2027-01-01T13:00Z", UUID.randomUUID().toString(), "x"))) {
            var e = assertThrows(ApiException.class,
                    () -> page(BY_AT, DSL.noCondition(), new PageRequest(10, 0, new Cursor("rows:at", keys))), keys::toString);
            assertEquals(400, e.status());
            assertEquals("after", e.errors().getFirst().field());
        }
        var e = assertThrows(ApiException.class, () -> page(FLAGGED_THEN_NAME, DSL.noCondition(),
                new PageRequest(10, 0, new Cursor("rows:flag", List.of("maybe", "alpha", UUID.randomUUID().toString())))));
        assertEquals(400, e.status());
    }

    @Test
    void the_start_is_a_row_comparison_when_every_key_sorts_the_same_way() {
        var cursor = new Cursor("rows:at", List.of("2027-01-01T13:00Z", UUID.randomUUID().toString()));
        String sql = dsl.renderInlined(BY_AT.after(new PageRequest(10, 0, cursor)));

        assertTrue(sql.startsWith("(\"at\", \"id\") > ("), sql);
    }
}
