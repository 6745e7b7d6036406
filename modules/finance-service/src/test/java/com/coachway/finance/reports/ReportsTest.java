package com.coachway.finance.reports;

import com.coachway.finance.FinancePlatform;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.coachway.finance.FinancePlatform.charterStatus;
import static com.coachway.finance.FinancePlatform.paymentRecorded;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report endpoints over a small book: AR aging (JSON, CSV), charter profitability, customer
 * statements (JSON, PDF), with their bad input, roles and tenancy.
 *
 * <p>Alpha Coaches (30-day terms): INV 1,000.00 issued 2026-08-01 (due 08-31), paid 400.00 on
 * 09-10 with a 2.50 card fee; the charter completes on 2026-09-20. Beta Tours: INV 500.00 issued
 * 2026-10-01 (due 10-31). Gamma Lines: INV 500.00 issued 2026-10-01 then 45 payments of 5.00, one a day from
 * 10-02 (a statement longer than a page).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {
    FinancePlatform fp;
    String alpha;
    String beta;
    String gamma;
    String alphaCharter;
    String alphaInvoice;
    String alphaPayment;

    @BeforeAll
    void start() {
        fp = new FinancePlatform();
        alpha = client("Alpha Coaches");
        beta = client("Beta Tours");
        gamma = client("Gamma Lines");
        var a = fp.issuedInvoice(alpha, "1000.00", LocalDate.parse("2026-08-01"));
        alphaCharter = (String) a.get("charter_id");
        alphaInvoice = (String) a.get("number");
        var pay = paymentRecorded(UUID.randomUUID().toString(), alpha, alphaCharter, "400.00", noon("2026-09-10"));
        pay.put("fee", new BigDecimal("2.50"));
        alphaPayment = (String) pay.get("reference");
        fp.event("payment-recorded", UUID.randomUUID().toString(), pay).then().statusCode(200);
        fp.event("charter-status", UUID.randomUUID().toString(), charterStatus(alphaCharter, alpha, "completed", noon("2026-09-20")))
                .then().statusCode(200);
        fp.issuedInvoice(beta, "500.00", LocalDate.parse("2026-10-01"));
        var g = fp.issuedInvoice(gamma, "500.00", LocalDate.parse("2026-10-01"));
        for (int i = 0; i < 45; i++) {
            fp.event("payment-recorded", UUID.randomUUID().toString(), paymentRecorded(UUID.randomUUID().toString(), gamma,
                    (String) g.get("charter_id"), "5.00", noon(LocalDate.parse("2026-10-02").plusDays(i).toString()))).then().statusCode(200);
        }
    }

    @AfterAll
    void stop() {
        fp.close();
    }

    String client(String name) {
        String id = UUID.randomUUID().toString();
        fp.clientIs(id, name, 30);
        return id;
    }

    static Instant noon(String date) {
        return Instant.parse(date + "T17:00:00Z");
    }

    static float f(String s) {
        return Float.parseFloat(s);
    }

    @Test
    void ar_aging_buckets_each_clients_open_balance_by_days_past_due_and_matches_the_control_account() {
        // as of 11-16: Alpha 600.00 is 77 days past due (61_90); Beta 500.00 16 days (1_30);
        // Gamma 500.00 − 45 × 5.00 = 275.00, 16 days (1_30). Sorted by name.
        fp.as("accountant").queryParam("as_of", "2026-11-16").get("/reports/ar-aging").then().statusCode(200)
                .body("as_of", equalTo("2026-11-16"))
                .body("clients.client_name", equalTo(List.of("Alpha Coaches", "Beta Tours", "Gamma Lines")))
                .body("clients.client_id", equalTo(List.of(alpha, beta, gamma)))
                .body("clients[0].'61_90'", equalTo(600.0f)).body("clients[0].current", equalTo(0.0f)).body("clients[0].total", equalTo(600.0f))
                .body("clients[1].'1_30'", equalTo(500.0f)).body("clients[1].total", equalTo(500.0f))
                .body("clients[2].'1_30'", equalTo(275.0f)).body("clients[2].total", equalTo(275.0f))
                .body("totals.current", equalTo(0.0f)).body("totals.'1_30'", equalTo(775.0f)).body("totals.'31_60'", equalTo(0.0f))
                .body("totals.'61_90'", equalTo(600.0f)).body("totals.over_90", equalTo(0.0f)).body("totals.total", equalTo(1375.0f))
                .body("ar_control_balance", equalTo(1375.0f));
        // as of 09-05 the payment of 09-10 has not happened: Alpha owes 1,000.00, 5 days past due; nobody else was invoiced
        fp.as("manager").queryParam("as_of", "2026-09-05").get("/reports/ar-aging").then().statusCode(200)
                .body("clients.client_id", equalTo(List.of(alpha))).body("clients[0].'1_30'", equalTo(1000.0f))
                .body("totals.total", equalTo(1000.0f)).body("ar_control_balance", equalTo(1000.0f));
        // before anything was issued: no rows, zero totals
        fp.as("admin").queryParam("as_of", "2026-07-31").get("/reports/ar-aging").then().statusCode(200)
                .body("clients.size()", equalTo(0)).body("totals.total", equalTo(0.0f)).body("ar_control_balance", equalTo(0.0f));
    }

    @Test
    void ar_aging_as_csv_has_the_header_a_row_per_client_and_a_total_row() {
        Response r = fp.as("accountant").queryParam("as_of", "2026-11-16").queryParam("format", "csv").get("/reports/ar-aging");
        r.then().statusCode(200);
        assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
        assertEquals(List.of(
                "client_id,client_name,current,1_30,31_60,61_90,over_90,total",
                alpha + ",Alpha Coaches,0.00,0.00,0.00,600.00,0.00,600.00",
                beta + ",Beta Tours,0.00,500.00,0.00,0.00,0.00,500.00",
                gamma + ",Gamma Lines,0.00,275.00,0.00,0.00,0.00,275.00",
                "TOTAL,,0.00,775.00,0.00,600.00,0.00,1375.00"), Arrays.asList(r.asString().split("\r\n")));
    }

    @Test
    void reports_refuse_bad_dates_unknown_formats_and_callers_without_a_finance_role() {
        for (String path : List.of("/reports/ar-aging", "/reports/ap-aging")) {
            fp.rawAs("accountant").get(path).then().statusCode(400).body("errors.field", hasItem("as_of"));
            for (String bad : List.of("2026-02-30", "2026-13-01", "16/11/2026", "yesterday", "2026-11-16T00:00:00Z", "2026-11-1")) {
                fp.rawAs("accountant").queryParam("as_of", bad).get(path).then().statusCode(400);
            }
            fp.rawAs("accountant").queryParam("as_of", "2026-11-16").queryParam("format", "xlsx").get(path).then().statusCode(400);
            for (String role : List.of("sales_agent", "dispatcher")) {
                fp.rawAs(role).queryParam("as_of", "2026-11-16").get(path).then().statusCode(403);
            }
            fp.platform.raw(FinancePlatform.FINANCE).queryParam("as_of", "2026-11-16").get(path).then().statusCode(401);
        }
        fp.rawAs("accountant").queryParam("from", "2026-10-01").get("/reports/charter-profitability").then().statusCode(400)
                .body("errors.field", hasItem("to"));
        fp.rawAs("accountant").queryParam("from", "2026-10-02").queryParam("to", "2026-10-01").get("/reports/charter-profitability")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        fp.rawAs("accountant").queryParam("from", "2026-02-29").queryParam("to", "2026-10-01").get("/reports/charter-profitability")
                .then().statusCode(400);
        fp.rawAs("sales_agent").queryParam("from", "2026-09-01").queryParam("to", "2026-09-30").get("/reports/charter-profitability")
                .then().statusCode(403);
        fp.asClientUser(alpha).queryParam("as_of", "2026-11-16").get("/reports/ar-aging").then().statusCode(403);
    }

    @Test
    void charter_profitability_is_revenue_less_vendor_cost_and_fees_for_charters_recognised_in_the_range() {
        // Alpha's charter completed 09-20: revenue 1,000.00, no vendor bill, the 2.50 card fee of its payment
        fp.as("manager").queryParam("from", "2026-09-01").queryParam("to", "2026-09-30").get("/reports/charter-profitability")
                .then().statusCode(200).body("from", equalTo("2026-09-01")).body("to", equalTo("2026-09-30"))
                .body("charters.charter_id", equalTo(List.of(alphaCharter))).body("charters[0].client_id", equalTo(alpha))
                .body("charters[0].revenue", equalTo(1000.0f)).body("charters[0].vendor_cost", equalTo(0.0f))
                .body("charters[0].processing_fees", equalTo(2.5f)).body("charters[0].margin", equalTo(997.5f))
                .body("totals.revenue", equalTo(1000.0f)).body("totals.margin", equalTo(997.5f));
        // the other charters are not completed, and a range without the completion has nothing
        fp.as("manager").queryParam("from", "2026-09-21").queryParam("to", "2026-11-16").get("/reports/charter-profitability")
                .then().statusCode(200).body("charters.size()", equalTo(0)).body("totals.margin", equalTo(0.0f));
    }

    @Test
    void a_statement_shows_the_opening_balance_each_movement_with_its_running_balance_and_the_closing_balance() {
        // before 09-01: the 1,000.00 invoice; then the 400.00 payment on 09-10
        fp.as("accountant").queryParam("from", "2026-09-01").queryParam("to", "2026-11-16").get("/clients/" + alpha + "/statement")
                .then().statusCode(200).body("client_id", equalTo(alpha)).body("client_name", equalTo("Alpha Coaches"))
                .body("from", equalTo("2026-09-01")).body("to", equalTo("2026-11-16"))
                .body("opening_balance", equalTo(1000.0f))
                .body("lines.kind", equalTo(List.of("payment"))).body("lines[0].date", equalTo("2026-09-10"))
                .body("lines[0].reference", equalTo(alphaPayment)).body("lines[0].amount", equalTo(-400.0f))
                .body("lines[0].balance", equalTo(600.0f)).body("closing_balance", equalTo(600.0f));
        // the whole life, seen by the client itself: invoice then payment
        fp.asClientUser(alpha).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31").get("/clients/" + alpha + "/statement")
                .then().statusCode(200).body("opening_balance", equalTo(0.0f))
                .body("lines.kind", equalTo(List.of("invoice", "payment"))).body("lines[0].reference", equalTo(alphaInvoice))
                .body("lines.amount", equalTo(List.of(1000.0f, -400.0f))).body("lines.balance", equalTo(List.of(1000.0f, 600.0f)))
                .body("closing_balance", equalTo(600.0f));
        // a range before anything: all zero, no lines
        fp.as("manager").queryParam("from", "2025-01-01").queryParam("to", "2025-12-31").get("/clients/" + alpha + "/statement")
                .then().statusCode(200).body("opening_balance", equalTo(0.0f)).body("lines.size()", equalTo(0)).body("closing_balance", equalTo(0.0f));
    }

    @Test
    void the_statement_pdf_shows_the_same_figures_as_the_json_over_as_many_pages_as_it_takes() throws IOException {
        Map<String, Object> json = fp.as("accountant").queryParam("from", "2026-10-01").queryParam("to", "2026-11-30")
                .get("/clients/" + gamma + "/statement").then().statusCode(200).extract().as(Map.class);
        Response r = fp.as("accountant").queryParam("from", "2026-10-01").queryParam("to", "2026-11-30").queryParam("format", "pdf")
                .get("/clients/" + gamma + "/statement");
        r.then().statusCode(200);
        assertEquals("application/pdf", r.contentType());
        String text;
        int pages;
        try (var pdf = Loader.loadPDF(r.asByteArray())) {
            pages = pdf.getNumberOfPages();
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(pages >= 2, "46 lines take more than one page, got " + pages);
        List<String> rows = Arrays.stream(text.split("\\R")).map(l -> l.strip().replaceAll("\\s+", " ")).toList();
        assertTrue(rows.contains("CoachWay"), text);
        assertTrue(rows.contains("Client: Gamma Lines (" + gamma + ")"), text);
        assertTrue(rows.contains("Period: 2026-10-01 to 2026-11-30"), text);
        assertTrue(rows.contains("Opening balance " + money(json.get("opening_balance"))), text);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) json.get("lines");
        assertEquals(46, lines.size());
        for (var l : lines) {
            String row = l.get("date") + " " + l.get("kind") + " " + l.get("reference") + " " + money(l.get("amount")) + " " + money(l.get("balance"));
            assertTrue(rows.contains(row), () -> row + " not in\n" + text);
        }
        assertEquals("275.00", money(json.get("closing_balance")));
        assertTrue(rows.contains("Closing balance 275.00"), text);
    }

    static String money(Object jsonNumber) {
        return String.format(Locale.US, "%,.2f", new BigDecimal(jsonNumber.toString()));
    }

    @Test
    void a_statement_refuses_bad_ranges_unknown_clients_other_tenants_and_other_roles() {
        String path = "/clients/" + alpha + "/statement";
        fp.rawAs("accountant").queryParam("from", "2026-09-01").get(path).then().statusCode(400).body("errors.field", hasItem("to"));
        fp.rawAs("accountant").queryParam("to", "2026-09-01").get(path).then().statusCode(400).body("errors.field", hasItem("from"));
        fp.rawAs("accountant").queryParam("from", "2026-09-02").queryParam("to", "2026-09-01").get(path).then().statusCode(400)
                .body("errors.field", hasItem("from"));
        fp.rawAs("accountant").queryParam("from", "2026-02-30").queryParam("to", "2026-09-01").get(path).then().statusCode(400);
        fp.rawAs("accountant").queryParam("from", "2026-09-01").queryParam("to", "2026-09-30").queryParam("format", "docx").get(path)
                .then().statusCode(400);
        fp.rawAs("accountant").queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .get("/clients/" + UUID.randomUUID() + "/statement").then().statusCode(404);
        fp.rawAs("accountant").queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .get("/clients/not-a-uuid/statement").then().statusCode(404);
        fp.asClientUser(beta).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30").get(path).then().statusCode(404);
        fp.asClientUser(beta).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30").queryParam("format", "pdf").get(path)
                .then().statusCode(404);
        fp.rawAs("sales_agent").queryParam("from", "2026-09-01").queryParam("to", "2026-09-30").get(path).then().statusCode(403);
        fp.asVendorUser(UUID.randomUUID().toString()).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30").get(path)
                .then().statusCode(403);
    }
}
