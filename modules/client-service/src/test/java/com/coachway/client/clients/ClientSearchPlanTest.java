package com.coachway.client.clients;

import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.PageRequest;
import com.coachway.testkit.TestPostgres;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list queries ClientStore really sends, planned by PostgreSQL over 100,000 clients and as many
 * contacts: searches must be answered from the trigram indexes and sorted pages from the sort
 * indexes, never by reading the whole table. Asserts plan shapes, not times (times belong to
 * scripts/bench); the measured times are printed for the curious.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientSearchPlanTest {
    static final int CLIENTS = 100_000;
    Database db;
    final List<String> sent = new CopyOnWriteArrayList<>();
    ClientStore store;
    org.jooq.DSLContext dsl;

    @BeforeAll
    void seed() throws SQLException {
        // seeding 100k rows may take longer than the statement timeout a request gets (15 s)
        db = Database.connect(Config.of(Map.of("DATABASE_URL", TestPostgres.newDatabaseUrl(),
                "DB_STATEMENT_TIMEOUT_MS", "600000")), "client", "plan-test");
        try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
            s.execute("""
                    insert into client.clients (id, name, type, email, phone, status, created_at, updated_at)
                    select gen_random_uuid(),
                           'Client ' || substr(md5(i::text), 1, 10) || ' ' || (array['Tours', 'Travel', 'Academy', 'Parish', 'Corp'])[1 + i % 5],
                           (array['corporate', 'individual', 'school', 'church', 'government', 'nonprofit', 'travel_agency'])[1 + i % 7],
                           'c' || i || '@' || substr(md5((i * 7)::text), 1, 8) || '.example.com',
                           '(' || (200 + i % 800) || ') 555-' || lpad((i % 10000)::text, 4, '0'),
                           case when i % 10 = 0 then 'inactive' else 'active' end,
                           now() - make_interval(mins => i), now() - make_interval(mins => i)
                      from generate_series(1, {n}) i""".replace("{n}", String.valueOf(CLIENTS)));
            s.execute("""
                    insert into client.contacts (id, client_id, name, is_primary)
                    select gen_random_uuid(), id, 'Contact ' || substr(md5(id::text), 1, 12), true from client.clients""");
            s.execute("""
                    insert into client.clients (id, name, type, email, phone) values
                        ('00000000-0000-7000-8000-000000000001', 'Needle Quarry Coaches', 'corporate', 'ops@needlequarry.example', '(919) 867-5309'),
                        ('00000000-0000-7000-8000-000000000002', 'Plain Client', 'school', 'office@plain.example', null)""");
            s.execute("""
                    insert into client.contacts (id, client_id, name) values
                        ('00000000-0000-7000-8000-0000000000c1', '00000000-0000-7000-8000-000000000002', 'Ferdinand Zoltanski')""");
            s.execute("analyze client.clients");
            s.execute("analyze client.contacts");
        }
        var config = new DefaultConfiguration().set(db.dataSource()).set(SQLDialect.POSTGRES)
                .set(new Settings().withStatementType(StatementType.STATIC_STATEMENT))
                .set(ExecuteListener.onExecuteStart(ctx -> sent.add(ctx.sql())));
        dsl = DSL.using(config);
        store = new ClientStore();
    }

    @AfterAll
    void close() {
        db.close();
    }

    /** The plans (with actual times) of the count and the page query one list call sends. */
    private String plansOf(ClientStore.Filter filter, String sort) throws SQLException {
        sent.clear();
        long started = System.nanoTime();
        var page = store.list(dsl, filter, ClientSort.parse(sort), new PageRequest(50, 0));
        long micros = (System.nanoTime() - started) / 1000;
        assertEquals(2, sent.size(), sent::toString);
        var plans = new StringBuilder();
        try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
            for (String sql : sent) {
                try (var rs = s.executeQuery("explain (analyze, costs off) " + sql)) {
                    while (rs.next()) plans.append(rs.getString(1)).append('\n');
                }
                plans.append("----\n");
            }
        }
        System.out.printf("list q=%s type=%s sort=%s: total %d in %d µs%n%s", filter.q(), filter.type(), sort, page.total(), micros, plans);
        return plans.toString();
    }

    @Test
    void a_search_by_name_or_email_or_phone_or_contact_uses_the_trigram_indexes() throws SQLException {
        for (String q : List.of("quarry", "needlequarry.exam", "867-5309", "zoltansk")) {
            String plans = plansOf(new ClientStore.Filter(q, null, null, null), null);
            for (String index : List.of("clients_name_trgm_idx", "clients_email_trgm_idx", "clients_phone_trgm_idx", "contacts_name_trgm_idx")) {
                assertTrue(plans.contains(index), q + " does not use " + index + ":\n" + plans);
            }
            assertFalse(plans.contains("Seq Scan"), q + " scans a table:\n" + plans);
        }
        assertEquals(1, store.list(dsl, new ClientStore.Filter("zoltansk", null, null, null), ClientSort.parse(null), new PageRequest(50, 0)).total());
        assertEquals(1, store.list(dsl, new ClientStore.Filter("9198675309", null, null, null), ClientSort.parse(null), new PageRequest(50, 0)).total());
    }

    @Test
    void a_broad_search_counts_every_match_and_still_pages_by_name() throws SQLException {
        // a fifth of the names end in "Tours": the planner may well scan here, which is its right call
        plansOf(new ClientStore.Filter("tours", null, null, null), null);
        var page = store.list(dsl, new ClientStore.Filter("tours", "corporate", "active", null), ClientSort.parse("name"), new PageRequest(50, 0));
        assertTrue(page.items().stream().allMatch(c -> c.name().endsWith("Tours") && c.type().equals("corporate")));
        assertEquals(CLIENTS / 5, store.list(dsl, new ClientStore.Filter("tours", null, null, null), ClientSort.parse(null), new PageRequest(50, 0)).total());
    }

    @Test
    void a_search_by_phone_digits_uses_their_trigram_index() throws SQLException {
        String plans = plansOf(new ClientStore.Filter("919.867.5309", null, null, null), null);
        assertTrue(plans.contains("clients_phone_digits_trgm_idx"), plans);
        assertFalse(plans.contains("Seq Scan"), plans);
    }

    @Test
    void pages_in_each_sort_order_are_read_from_that_orders_index() throws SQLException {
        var expected = Map.of("name", "clients_name_sort_idx", "-name", "clients_name_sort_idx",
                "-created_at", "clients_created_sort_idx", "updated_at", "clients_updated_sort_idx", "-email", "clients_email_sort_idx");
        for (var e : expected.entrySet()) {
            String pageQuery = plansOf(new ClientStore.Filter(null, null, null, null), e.getKey()).split("----\n")[1];
            assertTrue(pageQuery.contains(e.getValue()), e.getKey() + " does not use " + e.getValue() + ":\n" + pageQuery);
            assertFalse(pageQuery.contains("Seq Scan"), e.getKey() + ":\n" + pageQuery);
        }
    }

    @Test
    void a_portal_users_list_reads_only_its_own_row() throws SQLException {
        String plans = plansOf(new ClientStore.Filter(null, null, null, java.util.UUID.fromString("00000000-0000-7000-8000-000000000001")), null);
        assertTrue(plans.contains("clients_pkey"), plans);
        assertFalse(plans.contains("Seq Scan"), plans);
    }
}
