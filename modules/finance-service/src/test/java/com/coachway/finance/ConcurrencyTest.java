package com.coachway.finance;

import com.coachway.testkit.Together;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static com.coachway.finance.FinancePlatform.START;
import static com.coachway.finance.FinancePlatform.TODAY;
import static com.coachway.finance.FinancePlatform.paymentRecorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests that really collide: the locks and constraints keep the books exact whatever the interleaving. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {
    FinancePlatform fp;

    @BeforeAll
    void start() {
        fp = new FinancePlatform();
    }

    @AfterAll
    void stop() {
        fp.close();
    }

    @Test
    void two_payments_of_one_client_at_once_never_over_apply_an_invoice() throws Exception {
        String client = fp.newClient(30);
        var inv = fp.issuedInvoice(client, "500.00", TODAY);
        String charter = (String) inv.get("charter_id");
        List<Callable<Response>> calls = List.of(
                () -> fp.event("payment-recorded", UUID.randomUUID().toString(), paymentRecorded(UUID.randomUUID().toString(), client, charter, "400.00", START)),
                () -> fp.event("payment-recorded", UUID.randomUUID().toString(), paymentRecorded(UUID.randomUUID().toString(), client, charter, "300.00", START)));
        assertEquals(List.of(200, 200), Together.statusCodes(calls));
        var now = fp.as("manager").get("/invoices/" + inv.get("id")).as(Map.class);
        assertEquals("paid", now.get("status"));
        assertEquals(new BigDecimal("500.00"), new BigDecimal(now.get("paid").toString()).setScale(2));
        fp.as("manager").get("/clients/" + client + "/credit").then().statusCode(200)
                .body("unapplied_credit", org.hamcrest.Matchers.equalTo(200.0f));
        var applied = fp.rows("select sum(amount) as s from finance.application where invoice_id = ?::uuid", inv.get("id"));
        assertEquals(new BigDecimal("500.00"), applied.getFirst().get("s"));
        fp.balances(TODAY);
    }

    @Test
    void ten_concurrent_invoices_for_one_charter_make_one() throws Exception {
        String client = fp.newClient(30);
        String charter = UUID.randomUUID().toString();
        fp.charterIs(charter, client, "750.00");
        var codes = Together.run(10, i -> fp.as("accountant").contentType("application/json").post("/invoices/from-charter/" + charter).statusCode());
        assertEquals(1, Collections.frequency(codes, 201), codes::toString);
        assertEquals(9, Collections.frequency(codes, 409), codes::toString);
        assertEquals(1, fp.rows("select 1 from finance.invoice where charter_id = ?::uuid", charter).size());
    }

    @Test
    void ten_concurrent_retries_under_one_key_all_answer_the_one_invoice() throws Exception {
        String client = fp.newClient(30);
        String charter = UUID.randomUUID().toString();
        fp.charterIs(charter, client, "320.00");
        String key = UUID.randomUUID().toString();
        var answers = Together.run(10, i -> fp.as("accountant").header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("issue", true)).post("/invoices/from-charter/" + charter));
        assertEquals(List.of(201), answers.stream().map(Response::statusCode).distinct().toList());
        assertEquals(1, answers.stream().map(r -> (String) r.path("id")).distinct().count());
        assertEquals(1, fp.rows("select 1 from finance.journal_entry where source_type = 'invoice_issued' and source_id ="
                + " (select id::text from finance.invoice where charter_id = ?::uuid)", charter).size());
    }

    @Test
    void invoice_numbers_made_at_once_have_no_gaps() throws Exception {
        // ten charters of ten clients, plus a losing duplicate for each: the losers' numbers are given back
        var charters = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            String charter = UUID.randomUUID().toString();
            fp.charterIs(charter, fp.newClient(30), "100.00");
            charters.add(charter);
        }
        var codes = Together.run(20, i -> fp.as("accountant").contentType("application/json")
                .post("/invoices/from-charter/" + charters.get(i % 10)).statusCode());
        assertEquals(10, Collections.frequency(codes, 201), codes::toString);
        List<Integer> numbers = fp.rows("select number from finance.invoice where number like 'INV-2026-%' order by number").stream()
                .map(r -> Integer.parseInt(((String) r.get("number")).substring(9))).toList();
        for (int i = 0; i < numbers.size(); i++) assertEquals(i + 1, numbers.get(i), "gap-free: " + numbers);
    }

    @Test
    void one_event_delivered_five_times_at_once_posts_one_entry() throws Exception {
        String client = fp.newClient(30);
        fp.issuedInvoice(client, "90.00", TODAY);
        String eventId = UUID.randomUUID().toString();
        String paymentId = UUID.randomUUID().toString();
        var body = paymentRecorded(paymentId, client, null, "60.00", START);
        var answers = Together.run(5, i -> fp.event("payment-recorded", eventId, body));
        var entryIds = answers.stream().map(r -> {
            assertEquals(200, r.statusCode(), r::asString);
            return (String) r.path("entry_id");
        }).distinct().toList();
        assertEquals(1, entryIds.size(), "every delivery answers the one entry");
        assertEquals(1, answers.stream().filter(r -> "applied".equals(r.path("status"))).count());
        assertEquals(1, fp.rows("select 1 from finance.journal_entry where source_type = 'payment' and source_id = ?", paymentId).size());
        assertEquals(1, fp.rows("select 1 from finance.application where payment_id = ?::uuid", paymentId).size());
        assertTrue(fp.rows("select 1 from finance.event_receipt where event_id = ?", eventId).size() == 1);
    }
}
