package com.coachway.finance;

import com.coachway.cli.Cli;
import com.coachway.testkit.Platform;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static com.coachway.finance.FinancePlatform.paymentRecorded;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coachway CLI, in-process, against finance-service through the gateway: it logs in as a real
 * accountant and prints the same aging and trial balance as the API answers, to the cent; a
 * sales agent's CLI gets the API's 403 and a non-zero exit.
 *
 * <pre>
 * Harbor Tours     INV 1,250.00 issued 09-01 (due 10-01); paid 400.00 on 10-15
 * Summit Academy   INV 310.45 issued 08-10 (due 09-09), paid in full 11-05; INV 2,000.00 issued 10-20 (due 11-19)
 * Ridge Coaches    bill 900.00 of 09-20 (due 10-31) by POST /bills; paid 300.00 on 11-10
 * Valley Bus       bill 455.55 from a pending vendor payment event of 11-01 (due 12-01)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliEndToEndTest {
    /** The API's JSON with every amount as written (2850.00 stays 2850.00). */
    static final ObjectMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    static final List<String> BUCKETS = List.of("current", "1_30", "31_60", "61_90", "over_90", "total");
    static final List<String> HEADINGS = List.of("Current", "1-30", "31-60", "61-90", "Over 90", "Total");
    static final List<String> DATES = List.of("2026-09-30", "2026-11-16");

    FinancePlatform fp;
    @TempDir
    Path accountantDir;
    @TempDir
    Path agentDir;

    @BeforeAll
    void seed() {
        fp = new FinancePlatform();
        String harbor = UUID.randomUUID().toString();
        String summit = UUID.randomUUID().toString();
        fp.clientIs(harbor, "Harbor Tours", 30);
        fp.clientIs(summit, "Summit Academy", 30);
        var h = fp.issuedInvoice(harbor, "1250.00", LocalDate.parse("2026-09-01"));
        var s1 = fp.issuedInvoice(summit, "310.45", LocalDate.parse("2026-08-10"));
        fp.issuedInvoice(summit, "2000.00", LocalDate.parse("2026-10-20"));
        pay(harbor, (String) h.get("charter_id"), "400.00", "2026-10-15");
        pay(summit, (String) s1.get("charter_id"), "310.45", "2026-11-05");

        String ridge = UUID.randomUUID().toString();
        String valley = UUID.randomUUID().toString();
        fp.vendorIs(ridge, "Ridge Coaches");
        fp.vendorIs(valley, "Valley Bus");
        String bill = fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("vendor_id", ridge, "amount", new BigDecimal("900.00"), "bill_date", "2026-09-20", "due_date", "2026-10-31"))
                .post("/bills").then().statusCode(201).extract().path("id");
        fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json")
                .body(Map.of("amount", new BigDecimal("300.00"), "paid_on", "2026-11-10", "method", "ach"))
                .post("/bills/" + bill + "/payments").then().statusCode(201);
        var vp = new LinkedHashMap<String, Object>();
        vp.put("vendor_payment_id", UUID.randomUUID().toString());
        vp.put("charter_id", UUID.randomUUID().toString());
        vp.put("vendor_id", valley);
        vp.put("amount", new BigDecimal("455.55"));
        vp.put("due_date", "2026-12-01");
        vp.put("status", "pending");
        vp.put("changed_at", noon("2026-11-01").toString());
        fp.event("vendor-payment", UUID.randomUUID().toString(), vp).then().statusCode(200).body("status", equalTo("applied"));
    }

    @AfterAll
    void stop() {
        fp.close();
    }

    static Instant noon(String date) {
        return Instant.parse(date + "T17:00:00Z");
    }

    void pay(String client, String charter, String amount, String on) {
        fp.event("payment-recorded", UUID.randomUUID().toString(), paymentRecorded(UUID.randomUUID().toString(), client, charter, amount,
                noon(on))).then().statusCode(200).body("status", equalTo("applied"));
    }

    record Run(int exitCode, String out, byte[] outBytes, String err) {
    }

    Run cliWithStdin(Path configDir, String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("COACHWAY_CONFIG_DIR", configDir.toString()));
        return new Run(code, out.toString(StandardCharsets.UTF_8), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    Run cli(Path configDir, String... args) {
        return cliWithStdin(configDir, "", args);
    }

    /** A staff user with a password the test knows, made by the admin through auth-service's API; its email. */
    String newUser(String role) {
        String email = role.replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        fp.platform.api("/api/v1/auth").auth().oauth2(fp.platform.adminToken()).contentType("application/json")
                .body(Map.of("email", email, "full_name", "CLI " + role, "password", Platform.USER_PASSWORD, "roles", List.of(role)))
                .post("/users").then().statusCode(201);
        return email;
    }

    void login(Path dir, String role) {
        String email = newUser(role);
        Run r = cliWithStdin(dir, Platform.USER_PASSWORD + "\n", "login", "--url", fp.platform.gatewayUrl(), "--email", email, "--password-stdin");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("logged in to " + fp.platform.gatewayUrl() + " as " + email + " (" + role + ")\n", r.out());
        assertTrue(!r.out().contains(Platform.USER_PASSWORD) && !r.err().contains(Platform.USER_PASSWORD), "the password is never shown");
    }

    JsonNode api(String path, String asOf) throws IOException {
        String body = fp.as("accountant").queryParam("as_of", asOf).get(path).then().statusCode(200).extract().asString();
        return EXACT.readTree(body);
    }

    static String cents(JsonNode amount) {
        return amount.decimalValue().setScale(2).toPlainString();
    }

    @Test
    void aging_tables_show_the_apis_rows_and_totals_to_the_cent() throws IOException {
        login(accountantDir, "accountant");
        for (boolean ap : List.of(false, true)) {
            String party = ap ? "vendor" : "client";
            for (String asOf : DATES) {
                Run r = ap ? cli(accountantDir, "finance", "aging", "--as-of", asOf, "--ap") : cli(accountantDir, "finance", "aging", "--as-of", asOf);
                assertEquals(0, r.exitCode(), r.err());
                assertEquals("", r.err());
                JsonNode json = api(ap ? "/reports/ap-aging" : "/reports/ar-aging", asOf);
                var expected = new ArrayList<Map<String, String>>();
                for (JsonNode row : json.get(party + "s")) expected.add(printed(row.get(party + "_name").asText(), row));
                expected.add(printed("TOTAL", json.get("totals")));
                assertEquals(expected, table(r.out()), r.out());
                assertTrue(r.out().startsWith((ap ? "Accounts payable" : "Accounts receivable") + " aging as of " + asOf + "\n"), r.out());
                assertTrue(r.out().contains((ap ? "AP" : "AR") + " control account balance: "
                        + cents(json.get(ap ? "ap_control_balance" : "ar_control_balance")) + " (equals the total)"), r.out());
            }
        }
        // and the totals are the books worked out by hand:
        // AR 09-30: Harbor 1,250.00 due 10-01 → current (its 400.00 of 10-15 is after as_of); Summit 310.45 due 09-09, 21 days
        //    → 1_30 (paid 11-05, after as_of); the 2,000.00 not yet issued. Total 1,560.45.
        assertEquals(printed("TOTAL", "1250.00", "310.45", "0.00", "0.00", "0.00", "1560.45"),
                last(table(cli(accountantDir, "finance", "aging", "--as-of", "2026-09-30").out())));
        // AR 11-16: Harbor 1,250 − 400 = 850.00, due 10-01, 46 days → 31_60; Summit 2,000.00 due 11-19 → current. Total 2,850.00.
        assertEquals(printed("TOTAL", "2000.00", "0.00", "850.00", "0.00", "0.00", "2850.00"),
                last(table(cli(accountantDir, "finance", "aging", "--as-of", "2026-11-16").out())));
        // AP 09-30: Ridge 900.00 due 10-31 → current; Valley not yet billed. Total 900.00.
        assertEquals(printed("TOTAL", "900.00", "0.00", "0.00", "0.00", "0.00", "900.00"),
                last(table(cli(accountantDir, "finance", "aging", "--as-of", "2026-09-30", "--ap").out())));
        // AP 11-16: Ridge 900 − 300 = 600.00, due 10-31, 16 days → 1_30; Valley 455.55 due 12-01 → current. Total 1,055.55.
        assertEquals(printed("TOTAL", "455.55", "600.00", "0.00", "0.00", "0.00", "1055.55"),
                last(table(cli(accountantDir, "finance", "aging", "--as-of", "2026-11-16", "--ap").out())));
    }

    @Test
    void aging_csv_is_byte_for_byte_the_apis_csv() {
        login(accountantDir, "accountant");
        for (String asOf : DATES) {
            for (boolean ap : List.of(false, true)) {
                Run r = ap ? cli(accountantDir, "finance", "aging", "--as-of", asOf, "--ap", "--csv")
                        : cli(accountantDir, "finance", "aging", "--as-of", asOf, "--csv");
                assertEquals(0, r.exitCode(), r.err());
                byte[] api = fp.as("accountant").queryParam("as_of", asOf).queryParam("format", "csv")
                        .get(ap ? "/reports/ap-aging" : "/reports/ar-aging").then().statusCode(200).extract().asByteArray();
                assertArrayEquals(api, r.outBytes(), () -> r.out() + "\nvs\n" + new String(api, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void the_trial_balance_shows_each_accounts_debits_and_credits_and_the_totals_of_the_api() throws IOException {
        login(accountantDir, "accountant");
        Run r = cli(accountantDir, "finance", "trial-balance", "--as-of", "2026-11-16");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = api("/ledger/trial-balance", "2026-11-16");
        var expected = new ArrayList<Map<String, String>>();
        for (JsonNode a : json.get("accounts")) {
            expected.add(Map.of("Code", a.get("code").asText(), "Account", a.get("name").asText(), "Debit", cents(a.get("debit")),
                    "Credit", cents(a.get("credit"))));
        }
        JsonNode t = json.get("totals");
        expected.add(Map.of("Code", "", "Account", "TOTAL", "Debit", cents(t.get("debit")), "Credit", cents(t.get("credit"))));
        assertEquals(expected, table(r.out()), r.out());
        // by hand, every debit: invoices 1,250 + 310.45 + 2,000, payments 400 + 310.45, bills 900 + 455.55, the bill
        // payment 300 = 5,926.45, and every credit the same
        assertEquals(Map.of("Code", "", "Account", "TOTAL", "Debit", "5926.45", "Credit", "5926.45"), last(table(r.out())));
        assertTrue(r.out().contains("balanced: debits = credits = 5926.45"), r.out());
    }

    @Test
    void a_sales_agents_cli_gets_the_apis_403_and_a_non_zero_exit() {
        login(agentDir, "sales_agent");
        for (String[] args : List.of(new String[] {"finance", "aging", "--as-of", "2026-11-16"},
                new String[] {"finance", "aging", "--as-of", "2026-11-16", "--ap"},
                new String[] {"finance", "aging", "--as-of", "2026-11-16", "--csv"},
                new String[] {"finance", "trial-balance", "--as-of", "2026-11-16"})) {
            Run r = cli(agentDir, args);
            assertEquals(1, r.exitCode(), () -> String.join(" ", args) + ": " + r.out() + r.err());
            assertEquals("", r.out(), String.join(" ", args));
            assertTrue(r.err().startsWith("coachway: "), r.err());
            assertTrue(r.err().contains("(HTTP 403"), r.err());
        }
        // the API says the same to the same role
        fp.rawAs("sales_agent").queryParam("as_of", "2026-11-16").get("/reports/ar-aging").then().statusCode(403);
    }

    /** An aging row as the CLI prints it: the name, then each bucket under its heading. */
    static Map<String, String> printed(String name, JsonNode buckets) {
        var cells = new ArrayList<String>();
        for (String b : BUCKETS) cells.add(cents(buckets.get(b)));
        return printed(name, cells.toArray(String[]::new));
    }

    static Map<String, String> printed(String name, String... amounts) {
        var row = new LinkedHashMap<String, String>();
        row.put("Name", name);
        for (int i = 0; i < HEADINGS.size(); i++) row.put(HEADINGS.get(i), amounts[i]);
        return row;
    }

    static <T> T last(List<T> list) {
        return list.getLast();
    }

    /** A column of the rule line, or a cell of a row: a run of text with single spaces at most inside it. */
    private static final Pattern RUN = Pattern.compile("\\S+(?: \\S+)*");

    /**
     * The printed table read back: the rule under the headings marks each column's span, and each
     * cell of a row goes to the column whose span it starts in (an empty cell stays ""). One map per
     * data row, heading → cell; an aging table's first column is called "Name".
     */
    static List<Map<String, String>> table(String printed) {
        List<String> lines = printed.lines().toList();
        int rule = 1;
        while (rule < lines.size() && !lines.get(rule).matches("-[- ]*")) rule++;
        if (rule >= lines.size()) throw new AssertionError("no table in:\n" + printed);
        var columns = new ArrayList<MatchResult>();
        RUN.matcher(lines.get(rule)).results().forEach(columns::add);
        List<String> headings = new ArrayList<>(place(lines.get(rule - 1), columns).values());
        if (List.of("Client", "Vendor").contains(headings.getFirst())) headings.set(0, "Name");
        var rows = new ArrayList<Map<String, String>>();
        for (String line : lines.subList(rule + 1, lines.size())) {
            if (line.isBlank()) break;
            if (line.matches("-[- ]*")) continue;
            var row = new LinkedHashMap<String, String>();
            place(line, columns).forEach((column, cell) -> row.put(headings.get(column), cell));
            rows.add(row);
        }
        return rows;
    }

    private static Map<Integer, String> place(String line, List<MatchResult> columns) {
        var cells = new TreeMap<Integer, String>();
        for (int c = 0; c < columns.size(); c++) cells.put(c, "");
        RUN.matcher(line).results().forEach(cell -> {
            for (int c = 0; c < columns.size(); c++) {
                if (cell.start() >= columns.get(c).start() && cell.start() < columns.get(c).end()) cells.put(c, cell.group());
            }
        });
        return cells;
    }
}
