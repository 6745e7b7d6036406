package com.coachway.cli;

import static com.coachway.cli.CliHarness.ACCESS;
import static com.coachway.cli.CliHarness.ACCESS_2;
import static com.coachway.cli.CliHarness.AP_AGING;
import static com.coachway.cli.CliHarness.AR_AGING;
import static com.coachway.cli.CliHarness.REFRESH;
import static com.coachway.cli.CliHarness.REFRESH_2;
import static com.coachway.cli.CliHarness.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coachway.cli.FakeGateway.Reply;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgingTest {
    /** Reads the canned JSON keeping each amount as written (1200.50, not 1200.5). */
    static final ObjectMapper EXACT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final List<String> BUCKETS = List.of("current", "1_30", "31_60", "61_90", "over_90", "total");
    private static final List<String> HEADINGS = List.of("Current", "1-30", "31-60", "61-90", "Over 90", "Total");

    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    @Test
    void ar_aging_prints_every_client_and_the_totals_exactly_as_the_api_gives_them() throws IOException {
        cli.login();

        var result = cli.run("finance", "aging", "--as-of", "2026-12-31");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        assertTableEqualsReport(result.out(), EXACT.readTree(resource("ar-aging.json")), "client");
        assertTrue(result.out().startsWith("Accounts receivable aging as of 2026-12-31\n"), result.out());
        assertTrue(result.out().contains("AR control account balance: 12347705.06 (equals the total)"), result.out());

        var call = cli.gateway.requests(AR_AGING).getFirst();
        assertEquals("GET", call.method());
        assertEquals("as_of=2026-12-31", call.query());
        assertEquals("Bearer " + ACCESS, call.authorization());
        LoginTest.assertNeverShown(result, ACCESS, REFRESH);
    }

    @Test
    void amounts_keep_their_cents_as_written_trailing_zeros_included() {
        cli.login();

        var rows = TableText.rows(cli.run("finance", "aging", "--as-of", "2026-12-31").out());

        assertEquals(Map.of("Client", "Riverside Academy", "Current", "1200.50", "1-30", "0.00", "31-60", "300.10",
                "61-90", "0.00", "Over 90", "0.00", "Total", "1500.60"), rows.get(0));
        assertEquals("12345678.91", rows.get(1).get("Over 90"));
        assertEquals("Smith, Jones & Co", rows.get(1).get("Client"));
        assertEquals("Zoë Tours", rows.get(2).get("Client"));
        assertEquals(Map.of("Client", "TOTAL", "Current", "1200.60", "1-30", "75.45", "31-60", "300.10",
                "61-90", "450.00", "Over 90", "12345678.91", "Total", "12347705.06"), rows.get(3));
    }

    @Test
    void ap_aging_prints_every_vendor_and_the_totals() throws IOException {
        cli.login();

        var result = cli.run("finance", "aging", "--as-of", "2026-12-31", "--ap");

        assertEquals(0, result.exitCode(), result.err());
        assertTableEqualsReport(result.out(), EXACT.readTree(resource("ap-aging.json")), "vendor");
        assertTrue(result.out().startsWith("Accounts payable aging as of 2026-12-31\n"), result.out());
        assertEquals("as_of=2026-12-31", cli.gateway.requests(AP_AGING).getFirst().query());
        assertEquals(List.of(), cli.gateway.requests(AR_AGING));
    }

    @Test
    void csv_prints_finance_services_csv_byte_for_byte() {
        cli.login();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int code = Cli.run(new String[] {"finance", "aging", "--as-of", "2026-12-31", "--csv"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), cli.env());

        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertArrayEquals(resource("ar-aging.csv").getBytes(StandardCharsets.UTF_8), out.toByteArray());
        var call = cli.gateway.requests(AR_AGING).getFirst();
        assertEquals("as_of=2026-12-31&format=csv", call.query());
        assertTrue(call.accept().startsWith("text/csv"), call.accept());
        assertEquals("Bearer " + ACCESS, call.authorization());
    }

    @Test
    void ap_csv_asks_for_the_ap_report() {
        cli.login();

        var result = cli.run("finance", "aging", "--as-of", "2026-06-30", "--ap", "--csv");

        assertEquals(resource("ap-aging.csv"), result.out());
        assertEquals("as_of=2026-06-30&format=csv", cli.gateway.requests(AP_AGING).getFirst().query());
    }

    @Test
    void a_malformed_or_impossible_as_of_is_refused_before_any_call() {
        cli.login();
        for (String bad : List.of("2026-13-01", "2026-02-30", "31/12/2026", "yesterday", "")) {
            var result = cli.run("finance", "aging", "--as-of", bad);

            assertEquals(ExitCodes.USAGE, result.exitCode(), bad);
            assertTrue(result.err().contains("'" + bad + "' is not a date written YYYY-MM-DD"), result.err());
        }
        var missing = cli.run("finance", "aging");
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("Missing required option: '--as-of=YYYY-MM-DD'"), missing.err());
        assertEquals(List.of(), cli.gateway.requests(AR_AGING));
    }

    @Test
    void without_a_login_it_says_run_coachway_login_and_calls_nothing() {
        var result = cli.run("finance", "aging", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.NOT_LOGGED_IN, result.exitCode());
        assertEquals("coachway: not logged in: run coachway login\n", result.err());
        assertEquals(List.of(), cli.gateway.requests());
    }

    @Test
    void an_expired_access_token_is_renewed_once_with_the_refresh_token_and_the_new_pair_is_kept() throws IOException {
        cli.login();
        cli.validTokens.clear(); // the first access token expired

        var result = cli.run("finance", "aging", "--as-of", "2026-12-31");

        assertEquals(0, result.exitCode(), result.err());
        var calls = cli.gateway.requests(AR_AGING);
        assertEquals(List.of("Bearer " + ACCESS, "Bearer " + ACCESS_2), calls.stream().map(FakeGateway.Request::authorization).toList());
        var saved = EXACT.readTree(cli.credentialsFile().toFile());
        assertEquals(ACCESS_2, saved.get("access_token").asText());
        assertEquals(REFRESH_2, saved.get("refresh_token").asText());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cli.credentialsFile())));
        LoginTest.assertNeverShown(result, ACCESS_2, REFRESH_2);
    }

    @Test
    void a_401_that_the_refresh_token_cannot_cure_says_not_logged_in_or_session_expired() {
        cli.login();
        cli.validTokens.clear();
        cli.liveRefreshToken = "revoked by a sign-out elsewhere";

        var result = cli.run("finance", "aging", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.NOT_LOGGED_IN, result.exitCode());
        assertEquals("coachway: not logged in or session expired: run coachway login\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void a_problem_answer_prints_its_title_detail_and_request_id_to_stderr() {
        cli.login();
        cli.gateway.on("GET", AR_AGING, request -> CliHarness.problem(403, "Forbidden",
                "requires one of the roles admin, manager, accountant"));

        var result = cli.run("finance", "aging", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.FAILED, result.exitCode());
        assertEquals("", result.out());
        assertEquals("coachway: Forbidden: requires one of the roles admin, manager, accountant\n"
                + "  (HTTP 403, request id req-403)\n", result.err());
    }

    @Test
    void a_validation_problem_lists_its_field_errors() {
        cli.login();
        cli.gateway.on("GET", AR_AGING, request -> Reply.json(400, """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"invalid query parameters",
                 "request_id":"abc","errors":[{"field":"as_of","message":"must be a date"}]}"""));

        var result = cli.run("finance", "aging", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.FAILED, result.exitCode());
        assertEquals("coachway: Bad Request: invalid query parameters\n  as_of: must be a date\n"
                + "  (HTTP 400, request id abc)\n", result.err());
    }

    @Test
    void a_gateway_without_the_finance_route_is_reported_in_its_own_words() {
        cli.login();
        cli.gateway.on("GET", AR_AGING, request -> Reply.of(404, "application/json",
                "{\"message\":\"no Route matched with those values\"}"));

        var result = cli.run("finance", "aging", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.FAILED, result.exitCode());
        assertEquals("coachway: no Route matched with those values\n  (HTTP 404)\n", result.err());
    }

    @Test
    void a_stopped_gateway_is_a_clear_message_and_exit_code_4() {
        cli.login();
        cli.close();

        var result = cli.run("finance", "aging", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.UNREACHABLE, result.exitCode());
        assertTrue(result.err().startsWith("coachway: cannot reach the CoachWay gateway at " + cli.gateway.url()
                + ": connection refused"), result.err());
    }

    @Test
    void the_token_is_never_sent_to_a_gateway_other_than_the_one_that_issued_it() {
        cli.login();
        try (var other = new FakeGateway()) {
            var result = cli.run("finance", "aging", "--as-of", "2026-12-31", "--url", other.url());

            assertEquals(ExitCodes.NOT_LOGGED_IN, result.exitCode());
            assertEquals("coachway: logged in to " + cli.gateway.url() + ", not " + other.url()
                    + ": run coachway login --url " + other.url() + "\n", result.err());
            assertEquals(List.of(), other.requests());
        }
    }

    @Test
    void an_empty_report_still_prints_the_header_and_a_zero_total() {
        cli.login();
        cli.gateway.on("GET", AR_AGING, request -> Reply.json(200, """
                {"as_of":"2026-01-31","clients":[],"totals":{"current":0.00,"1_30":0.00,"31_60":0.00,"61_90":0.00,
                 "over_90":0.00,"total":0.00},"ar_control_balance":0.00}"""));

        var result = cli.run("finance", "aging", "--as-of", "2026-01-31");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Accounts receivable aging as of 2026-01-31 (no open balances)"));
        assertEquals(List.of(Map.of("Client", "TOTAL", "Current", "0.00", "1-30", "0.00", "31-60", "0.00",
                "61-90", "0.00", "Over 90", "0.00", "Total", "0.00")), TableText.rows(result.out()));
    }

    @Test
    void an_ar_control_balance_that_differs_from_the_total_is_called_out() {
        cli.login();
        cli.gateway.on("GET", AR_AGING, request -> Reply.json(200, resource("ar-aging.json")
                .replace("\"ar_control_balance\": 12347705.06", "\"ar_control_balance\": 12347700.00")));

        var result = cli.run("finance", "aging", "--as-of", "2026-12-31");

        assertTrue(result.out().contains("AR control account balance: 12347700.00 (DIFFERS from the total by 5.06)"),
                result.out());
    }

    @Test
    void a_client_without_a_name_is_shown_by_its_id() {
        cli.login();
        cli.gateway.on("GET", AR_AGING, request -> Reply.json(200, resource("ar-aging.json")
                .replace("\"client_name\": \"Zoë Tours\"", "\"client_name\": null")));

        var rows = TableText.rows(cli.run("finance", "aging", "--as-of", "2026-12-31").out());

        assertEquals("0b6f6f5e-5a38-4d6b-9a49-1f0d8a0c0003", rows.get(2).get("Client"));
    }

    @Test
    void an_ap_control_balance_is_compared_with_the_ap_total() {
        cli.login();

        var result = cli.run("finance", "aging", "--as-of", "2026-12-31", "--ap");

        assertTrue(result.out().endsWith("\nAP control account balance: 3500.00 (equals the total)\n"), result.out());
    }

    @Test
    void an_answer_that_is_not_json_is_an_error_not_a_crash() {
        cli.login();
        cli.gateway.on("GET", AR_AGING, request -> Reply.of(200, "text/html", "<html>captive portal</html>"));

        var result = cli.run("finance", "aging", "--as-of", "2026-12-31");

        assertEquals(ExitCodes.FAILED, result.exitCode());
        assertEquals("coachway: unexpected answer from /api/v1/finance/reports/ar-aging: it is not a JSON object\n",
                result.err());
    }

    /** Every JSON row is a table row in order, every bucket equal to the cent, then the TOTAL row equal to totals. */
    static void assertTableEqualsReport(String printed, JsonNode report, String party) {
        var rows = TableText.rows(printed);
        JsonNode items = report.get(party + "s");
        assertEquals(items.size() + 1, rows.size(), printed);
        for (int i = 0; i < items.size(); i++) {
            assertEquals(items.get(i).get(party + "_name").asText(), rows.get(i).get(party.equals("client") ? "Client" : "Vendor"));
            assertBuckets(items.get(i), rows.get(i));
        }
        var total = rows.getLast();
        assertEquals("TOTAL", total.get(party.equals("client") ? "Client" : "Vendor"));
        assertBuckets(report.get("totals"), total);
    }

    private static void assertBuckets(JsonNode expected, Map<String, String> row) {
        for (int b = 0; b < BUCKETS.size(); b++) {
            BigDecimal want = expected.get(BUCKETS.get(b)).decimalValue();
            String cell = row.get(HEADINGS.get(b));
            assertEquals(want.toPlainString(), cell, BUCKETS.get(b));
            assertEquals(0, want.compareTo(new BigDecimal(cell)));
        }
    }
}
