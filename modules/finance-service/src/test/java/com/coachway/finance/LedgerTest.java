package com.coachway.finance;

import com.coachway.testkit.Rows;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.finance.FinancePlatform.TODAY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger's own endpoints, period close, and what the database itself refuses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerTest {
    FinancePlatform fp;

    @BeforeAll
    void start() {
        fp = new FinancePlatform();
    }

    @AfterAll
    void stop() {
        fp.close();
    }

    static Map<String, Object> line(String account, String side, String amount) {
        var l = new LinkedHashMap<String, Object>();
        l.put("account", account);
        l.put(side, new BigDecimal(amount));
        return l;
    }

    static Map<String, Object> entry(LocalDate date, Object... lines) {
        var e = new LinkedHashMap<String, Object>();
        e.put("entry_date", date.toString());
        e.put("memo", "Bank charge correction");
        e.put("lines", List.of(lines));
        return e;
    }

    Response post(String key, Object body) {
        var r = fp.as("accountant").contentType("application/json");
        if (key != null) r = r.header("Idempotency-Key", key);
        return r.body(body).post("/ledger/entries");
    }

    Response rawPost(String role, String key, Object body) {
        var r = fp.rawAs(role).contentType("application/json");
        if (key != null) r = r.header("Idempotency-Key", key);
        return r.body(body).post("/ledger/entries");
    }

    @Test
    void the_chart_of_accounts_is_the_seven_fixed_accounts() {
        fp.as("manager").get("/ledger/accounts").then().statusCode(200)
                .body("items.code", equalTo(List.of("1000", "1100", "2000", "2100", "4000", "5000", "5100")))
                .body("items.name", equalTo(List.of("cash", "accounts_receivable", "accounts_payable", "customer_deposits", "revenue",
                        "cost_of_charter_services", "processing_fees")))
                .body("items.normal_side", equalTo(List.of("debit", "debit", "credit", "credit", "credit", "debit", "debit")));
        fp.rawAs("sales_agent").get("/ledger/accounts").then().statusCode(403);
        fp.platform.raw(FinancePlatform.FINANCE).get("/ledger/accounts").then().statusCode(401);
    }

    @Test
    void a_manual_entry_is_posted_once_per_key_and_shows_in_the_trial_balance() {
        String key = UUID.randomUUID().toString();
        var body = entry(TODAY, line("processing_fees", "debit", "12.34"), line("1000", "credit", "12.34"));
        Response first = post(key, body);
        first.then().statusCode(201).body("source_type", equalTo("manual")).body("total", equalTo(12.34f))
                .body("lines.account", equalTo(List.of("processing_fees", "cash")))
                .body("lines[0].debit", equalTo(12.34f)).body("lines[0].credit", equalTo(0.0f))
                .body("reverses", equalTo(null)).body("reversed_by", equalTo(null));
        String id = first.path("id");
        assertEquals("/ledger/entries/" + id, first.header("Location"));

        post(key, body).then().statusCode(201).body("id", equalTo(id));
        post(key, entry(TODAY, line("processing_fees", "debit", "12.35"), line("1000", "credit", "12.35")))
                .then().statusCode(409).body("detail", containsString("Idempotency-Key"));
        assertEquals(1L, Rows.scalar(fp.platform.databaseUrl(), Long.class,
                "select count(*) from finance.journal_entry where source_type = 'manual' and id = ?::uuid", id));

        fp.as("manager").get("/ledger/entries/" + id).then().statusCode(200).body("memo", equalTo("Bank charge correction"));
        fp.as("manager").queryParam("account", "processing_fees").get("/ledger/entries").then().statusCode(200)
                .body("items.id", hasItem(id));
        fp.as("manager").queryParam("source_type", "manual").queryParam("from", TODAY.toString()).queryParam("to", TODAY.toString())
                .get("/ledger/entries").then().statusCode(200).body("items.id", hasItem(id));
        var tb = fp.as("manager").queryParam("as_of", TODAY.toString()).get("/ledger/trial-balance");
        tb.then().statusCode(200).body("balanced", equalTo(true));
        assertEquals(tb.<Float>path("totals.debit"), tb.<Float>path("totals.credit"));
        fp.as("manager").queryParam("as_of", TODAY.minusDays(1).toString()).get("/ledger/trial-balance").then().statusCode(200)
                .body("accounts.find { it.name == 'processing_fees' }.balance", equalTo(0.0f));
    }

    @Test
    void entries_are_paged_by_keyset_in_date_order() {
        for (int i = 0; i < 5; i++) {
            post(UUID.randomUUID().toString(), entry(TODAY.minusDays(i), line("cash", "debit", "1.0" + i), line("revenue", "credit", "1.0" + i)))
                    .then().statusCode(201);
        }
        com.coachway.testkit.KeysetPaging.assertWalkMatchesOffsets(() -> fp.as("manager"), "/ledger/entries",
                Map.of("account", "revenue"), 2, "id");
        com.coachway.testkit.KeysetPaging.assertBadCursorsRefused(() -> fp.rawAs("manager"), "/ledger/entries", Map.of());
    }

    @Test
    void bad_manual_entries_are_400_and_write_nothing() {
        long before = fp.count("finance.journal_entry");
        String key = UUID.randomUUID().toString();
        // unbalanced
        post(key, entry(TODAY, line("cash", "debit", "10.00"), line("revenue", "credit", "9.99")))
                .then().statusCode(400).body("errors.field", hasItem("lines"));
        // one line only
        rawPost("accountant", key, entry(TODAY, line("cash", "debit", "10.00"))).then().statusCode(400);
        // both sides on a line
        var both = line("cash", "debit", "10.00");
        both.put("credit", new BigDecimal("10.00"));
        post(key, entry(TODAY, both, line("revenue", "credit", "10.00"))).then().statusCode(400).body("errors.field", hasItem("lines[0]"));
        // neither side
        post(key, entry(TODAY, Map.of("account", "cash"), line("revenue", "credit", "10.00"))).then().statusCode(400);
        // unknown account
        post(key, entry(TODAY, line("petty_cash", "debit", "10.00"), line("revenue", "credit", "10.00")))
                .then().statusCode(400).body("errors.field", hasItem("lines[0].account"));
        // three decimals, zero, negative, too much
        rawPost("accountant", key, entry(TODAY, line("cash", "debit", "10.005"), line("revenue", "credit", "10.005"))).then().statusCode(400);
        rawPost("accountant", key, entry(TODAY, line("cash", "debit", "0"), line("revenue", "credit", "0"))).then().statusCode(400);
        rawPost("accountant", key, entry(TODAY, line("cash", "debit", "-5"), line("revenue", "credit", "-5"))).then().statusCode(400);
        rawPost("accountant", key, entry(TODAY, line("cash", "debit", "100000000.00"), line("revenue", "credit", "100000000.00")))
                .then().statusCode(400);
        // no key, malformed JSON, not JSON, missing date, wrong type
        rawPost("accountant", null, entry(TODAY, line("cash", "debit", "1.00"), line("revenue", "credit", "1.00"))).then().statusCode(400);
        fp.rawAs("accountant").header("Idempotency-Key", key).contentType("application/json").body("{\"entry_date\":").post("/ledger/entries")
                .then().statusCode(400);
        fp.rawAs("accountant").header("Idempotency-Key", key).contentType("text/plain").body("hello").post("/ledger/entries")
                .then().statusCode(415);
        var noDate = entry(TODAY, line("cash", "debit", "1.00"), line("revenue", "credit", "1.00"));
        noDate.remove("entry_date");
        rawPost("accountant", key, noDate).then().statusCode(400).body("errors.field", hasItem("entry_date"));
        var badDate = entry(TODAY, line("cash", "debit", "1.00"), line("revenue", "credit", "1.00"));
        badDate.put("entry_date", "2026-13-01");
        rawPost("accountant", key, badDate).then().statusCode(400);
        // wrong roles
        rawPost("manager", key, entry(TODAY, line("cash", "debit", "1.00"), line("revenue", "credit", "1.00"))).then().statusCode(403);
        fp.platform.raw(FinancePlatform.FINANCE).auth().oauth2(fp.platform.portalToken("client", UUID.randomUUID()))
                .get("/ledger/entries").then().statusCode(403);
        assertEquals(before, fp.count("finance.journal_entry"));

        fp.rawAs("manager").get("/ledger/entries/not-a-uuid").then().statusCode(404);
        fp.as("manager").get("/ledger/entries/" + UUID.randomUUID()).then().statusCode(404);
        fp.rawAs("manager").queryParam("account", "nope").get("/ledger/entries").then().statusCode(400);
        fp.rawAs("manager").queryParam("from", "yesterday").get("/ledger/entries").then().statusCode(400);
        fp.rawAs("manager").queryParam("after", "garbage").get("/ledger/entries").then().statusCode(400);
        fp.rawAs("manager").queryParam("limit", "201").get("/ledger/entries").then().statusCode(400);
        fp.rawAs("manager").queryParam("as_of", "2026-02-30").get("/ledger/trial-balance").then().statusCode(400);
    }

    @Test
    void a_manual_entry_is_reversed_once_and_a_system_entry_not_at_all() {
        Response posted = post(UUID.randomUUID().toString(), entry(TODAY, line("revenue", "debit", "50.00"), line("customer_deposits", "credit", "50.00")));
        posted.then().statusCode(201);
        String id = posted.path("id");
        Response rev = fp.as("accountant").contentType("application/json").body(Map.of("memo", "posted to the wrong account"))
                .post("/ledger/entries/" + id + "/reverse");
        rev.then().statusCode(201).body("reverses", equalTo(id)).body("source_type", equalTo("reversal"))
                .body("lines.account", equalTo(List.of("revenue", "customer_deposits")))
                .body("lines[0].credit", equalTo(50.0f)).body("lines[1].debit", equalTo(50.0f))
                .body("entry_date", equalTo(TODAY.toString()));
        fp.as("manager").get("/ledger/entries/" + id).then().statusCode(200).body("reversed_by", equalTo(rev.path("id")));
        fp.as("accountant").contentType("application/json").post("/ledger/entries/" + id + "/reverse").then().statusCode(409).body("detail", containsString("already reversed"));
        fp.as("accountant").contentType("application/json").post("/ledger/entries/" + rev.path("id") + "/reverse").then().statusCode(409);
        fp.as("accountant").contentType("application/json").post("/ledger/entries/" + UUID.randomUUID() + "/reverse").then().statusCode(404);
        fp.rawAs("manager").contentType("application/json").post("/ledger/entries/" + id + "/reverse").then().statusCode(403);
        fp.rawAs("accountant").contentType("application/json").body(Map.of("entry_date", "soon")).post("/ledger/entries/" + id + "/reverse")
                .then().statusCode(400);
    }

    @Test
    void a_closed_period_refuses_postings_with_409_and_cannot_be_closed_twice() {
        LocalDate october = LocalDate.parse("2026-10-15");
        // something booked in October before the close stays
        post(UUID.randomUUID().toString(), entry(october, line("cash", "debit", "7.00"), line("revenue", "credit", "7.00"))).then().statusCode(201);
        fp.rawAs("manager").post("/periods/2026-10/close").then().statusCode(403);
        fp.as("accountant").post("/periods/2026-10/close").then().statusCode(200)
                .body("month", equalTo("2026-10")).body("status", equalTo("closed"));
        fp.as("accountant").post("/periods/2026-10/close").then().statusCode(409).body("detail", containsString("already closed"));
        fp.rawAs("accountant").post("/periods/2026-1/close").then().statusCode(400);
        fp.rawAs("accountant").post("/periods/2026-13/close").then().statusCode(400);
        fp.rawAs("accountant").post("/periods/october/close").then().statusCode(400);

        long before = fp.count("finance.journal_entry");
        post(UUID.randomUUID().toString(), entry(october.plusDays(3), line("cash", "debit", "7.00"), line("revenue", "credit", "7.00")))
                .then().statusCode(409).body("detail", equalTo("period 2026-10 is closed"));
        assertEquals(before, fp.count("finance.journal_entry"));
        fp.as("manager").get("/periods").then().statusCode(200)
                .body("items.find { it.month == '2026-10' }.status", equalTo("closed"))
                .body("items.find { it.month == '2026-11' }.status", equalTo("open"));
        // the database refuses it too, whoever writes
        assertThrows(IllegalStateException.class, () -> Rows.execute(fp.platform.databaseUrl(),
                "insert into finance.journal_entry (id, entry_date, source_type, source_id, created_at, created_by)"
                        + " values (gen_random_uuid(), date '2026-10-20', 'sql', 'x', now(), 'test')"));
    }

    @Test
    void a_posting_waits_for_a_close_in_flight_and_is_then_refused() throws Exception {
        LocalDate august = LocalDate.parse("2026-08-14");
        long before = fp.count("finance.journal_entry");
        try (var c = DriverManager.getConnection(fp.platform.databaseUrl())) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                // what POST /periods/2026-08/close does, held open: the month's row locked and marked closed
                s.execute("insert into finance.period (month) values (date '2026-08-01') on conflict do nothing");
                s.execute("select * from finance.period where month = date '2026-08-01' for update");
                s.execute("update finance.period set closed_at = now(), closed_by = 'test' where month = date '2026-08-01'");
            }
            var posting = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    post(UUID.randomUUID().toString(), entry(august, line("cash", "debit", "8.00"), line("revenue", "credit", "8.00"))));
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (Rows.scalar(fp.platform.databaseUrl(), Long.class,
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%finance%period%'") == 0) {
                assertTrue(System.nanoTime() < deadline, "the posting never waited for the period's row");
                Thread.onSpinWait();
            }
            c.commit();
            posting.get().then().statusCode(409).body("detail", equalTo("period 2026-08 is closed"));
        }
        assertEquals(before, fp.count("finance.journal_entry"));
    }

    @Test
    void the_database_refuses_update_delete_and_truncate_of_the_journal() {
        post(UUID.randomUUID().toString(), entry(TODAY, line("cash", "debit", "3.00"), line("revenue", "credit", "3.00"))).then().statusCode(201);
        String url = fp.platform.databaseUrl();
        for (String sql : List.of(
                "update finance.journal_entry set memo = 'edited'",
                "delete from finance.journal_entry",
                "truncate finance.journal_entry cascade",
                "update finance.journal_line set debit = debit + 1 where debit > 0",
                "delete from finance.journal_line",
                "truncate finance.journal_line")) {
            var e = assertThrows(IllegalStateException.class, () -> Rows.execute(url, sql), sql);
            assertTrue(String.valueOf(e.getCause().getMessage()).contains("append-only"), sql + ": " + e.getCause().getMessage());
        }
    }

    @Test
    void the_database_refuses_an_unbalanced_entry_at_commit() throws SQLException {
        long before = fp.count("finance.journal_entry");
        try (var c = DriverManager.getConnection(fp.platform.databaseUrl())) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("insert into finance.journal_entry (id, entry_date, source_type, source_id, created_at, created_by)"
                        + " values ('00000000-0000-0000-0000-0000000000e1', date '2026-11-16', 'sql', 'unbalanced', now(), 'test')");
                s.execute("insert into finance.journal_line (id, entry_id, line_no, entry_date, account_code, debit, credit)"
                        + " values (gen_random_uuid(), '00000000-0000-0000-0000-0000000000e1', 1, date '2026-11-16', '1000', 10, 0)");
                s.execute("insert into finance.journal_line (id, entry_id, line_no, entry_date, account_code, debit, credit)"
                        + " values (gen_random_uuid(), '00000000-0000-0000-0000-0000000000e1', 2, date '2026-11-16', '4000', 0, 9.99)");
            }
            var e = assertThrows(SQLException.class, c::commit);
            assertTrue(e.getMessage().contains("unbalanced"), e.getMessage());
        }
        // an entry without lines is refused as well
        var e = assertThrows(IllegalStateException.class, () -> Rows.execute(fp.platform.databaseUrl(),
                "insert into finance.journal_entry (id, entry_date, source_type, source_id, created_at, created_by)"
                        + " values (gen_random_uuid(), date '2026-11-16', 'sql', 'no-lines', now(), 'test')"));
        assertTrue(e.getCause().getMessage().contains("unbalanced"), e.getCause().getMessage());
        assertEquals(before, fp.count("finance.journal_entry"));
    }
}
