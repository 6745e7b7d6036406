package com.coachway.cli;

import static com.coachway.cli.CliHarness.ACCESS;
import static com.coachway.cli.CliHarness.TRIAL_BALANCE;
import static com.coachway.cli.CliHarness.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coachway.cli.FakeGateway.Reply;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialBalanceTest {
    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
        cli.login();
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void every_account_is_a_row_with_the_apis_debit_and_credit_then_the_totals_and_balanced() throws IOException {
        var result = cli.run("finance", "trial-balance", "--as-of", "2026-12-31");

        assertEquals(0, result.exitCode(), result.err());
        var report = AgingTest.EXACT.readTree(resource("trial-balance.json"));
        var rows = TableText.rows(result.out());
        var accounts = report.get("accounts");
        assertEquals(accounts.size() + 1, rows.size(), result.out());
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (int i = 0; i < accounts.size(); i++) {
            var account = accounts.get(i);
            assertEquals(Map.of("Code", account.get("code").asText(), "Account", account.get("name").asText(),
                    "Debit", account.get("debit").decimalValue().toPlainString(),
                    "Credit", account.get("credit").decimalValue().toPlainString()), rows.get(i));
            debits = debits.add(new BigDecimal(rows.get(i).get("Debit")));
            credits = credits.add(new BigDecimal(rows.get(i).get("Credit")));
        }
        assertEquals(Map.of("Code", "", "Account", "TOTAL", "Debit", "17530.10", "Credit", "17530.10"), rows.getLast());
        assertEquals(new BigDecimal("17530.10"), debits);
        assertEquals(new BigDecimal("17530.10"), credits);
        assertTrue(result.out().startsWith("Trial balance as of 2026-12-31\n"), result.out());
        assertTrue(result.out().endsWith("\nbalanced: debits = credits = 17530.10\n"), result.out());

        var call = cli.gateway.requests(TRIAL_BALANCE).getFirst();
        assertEquals("as_of=2026-12-31", call.query());
        assertEquals("Bearer " + ACCESS, call.authorization());
    }

    @Test
    void books_that_do_not_balance_say_so_on_the_last_line_and_exit_5() {
        cli.gateway.on("GET", TRIAL_BALANCE, request -> Reply.json(200, resource("trial-balance.json")
                .replace("\"totals\": {\"debit\": 17530.10, \"credit\": 17530.10}",
                        "\"totals\": {\"debit\": 17530.10, \"credit\": 17530.00}")
                .replace("\"balanced\": true", "\"balanced\": false")));

        var result = cli.run("finance", "trial-balance", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.UNBALANCED, result.exitCode());
        assertTrue(result.out().endsWith("\nNOT BALANCED: debits 17530.10, credits 17530.00, difference 0.10\n"),
                result.out());
    }

    @Test
    void a_report_without_totals_is_an_unexpected_answer_not_a_guess() {
        cli.gateway.on("GET", TRIAL_BALANCE, request -> Reply.json(200, """
                {"as_of":"2026-03-31","balanced":true,"accounts":[
                  {"code":"1000","name":"cash","normal_side":"debit","debit":0.10,"credit":0.00,"balance":0.10}]}"""));

        var result = cli.run("finance", "trial-balance", "--as-of", "2026-03-31");

        assertEquals(ExitCodes.FAILED, result.exitCode());
        assertEquals("", result.out());
        assertEquals("coachway: unexpected answer from /api/v1/finance/ledger/trial-balance: the report has no totals\n",
                result.err());
    }

    @Test
    void the_api_saying_unbalanced_is_believed_even_when_the_totals_agree() {
        cli.gateway.on("GET", TRIAL_BALANCE, request -> Reply.json(200, resource("trial-balance.json")
                .replace("\"balanced\": true", "\"balanced\": false")));

        var result = cli.run("finance", "trial-balance", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.UNBALANCED, result.exitCode());
        assertTrue(result.out().endsWith("\nNOT BALANCED: debits 17530.10, credits 17530.10, difference 0.00\n"),
                result.out());
    }

    @Test
    void a_malformed_as_of_is_refused_before_any_call() {
        var result = cli.run("finance", "trial-balance", "--as-of", "2026-12-32");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("'2026-12-32' is not a date written YYYY-MM-DD"), result.err());
        assertEquals(List.of(), cli.gateway.requests(TRIAL_BALANCE));
    }

    @Test
    void a_server_error_without_a_problem_body_is_shown_briefly_with_its_status() {
        cli.gateway.on("GET", TRIAL_BALANCE, request -> Reply.of(502, "text/html", "<html>Bad Gateway</html>"));

        var result = cli.run("finance", "trial-balance", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.FAILED, result.exitCode());
        assertEquals("coachway: <html>Bad Gateway</html>\n  (HTTP 502)\n", result.err());
    }

    @Test
    void a_report_without_accounts_is_an_unexpected_answer() {
        cli.gateway.on("GET", TRIAL_BALANCE, request -> Reply.json(200, "{\"as_of\":\"2026-12-31\"}"));

        var result = cli.run("finance", "trial-balance", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.FAILED, result.exitCode());
        assertEquals("coachway: unexpected answer from /api/v1/finance/ledger/trial-balance: the report has no accounts\n",
                result.err());
    }
}
