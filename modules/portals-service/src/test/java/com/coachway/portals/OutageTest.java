package com.coachway.portals;

import com.coachway.testkit.RecordingNeighbour;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.portals.PortalsPlatform.charter;
import static com.coachway.portals.PortalsPlatform.document;
import static com.coachway.portals.PortalsPlatform.invoice;
import static com.coachway.portals.PortalsPlatform.json;
import static com.coachway.portals.PortalsPlatform.page;
import static com.coachway.portals.PortalsPlatform.quote;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * payment-service is stopped (nothing listens at PAYMENT_SERVICE_URL any more): the client portal
 * still answers 200 with everything else and names payments unavailable, without waiting for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutageTest {
    static final int TIMEOUT_MS = 1000;
    PortalsPlatform pp;
    final UUID client = UUID.randomUUID();
    final UUID charterId = UUID.randomUUID();
    final UUID quoteId = UUID.randomUUID();
    final UUID documentId = UUID.randomUUID();
    final UUID invoiceId = UUID.randomUUID();

    @BeforeAll
    void start() {
        // a port that was just listening and now refuses: payment-service stopped
        var stopped = new RecordingNeighbour(200, "{}");
        String url = stopped.url();
        stopped.close();
        pp = new PortalsPlatform(Map.of("PAYMENT_SERVICE_URL", url, "PORTAL_CALL_TIMEOUT_MS", String.valueOf(TIMEOUT_MS)));
        var c = charter(charterId, client, "booked", "2030-05-01T08:00:00-04:00", quote(quoteId, charterId, "accepted", "4000.00"));
        pp.charters.answer("/charters", 200, json(page(List.of(c))));
        pp.charters.answer("/charters/" + charterId, 200, json(c));
        pp.charters.answer("/charters/" + charterId + "/quotes", 200, json(page(List.of(quote(quoteId, charterId, "accepted", "4000.00")))));
        pp.documents.answer("/documents", 200, json(page(List.of(document(documentId, charterId)))));
        pp.finance.answer("/invoices", 200, json(page(List.of(invoice(invoiceId, charterId, client, "4000.00")))));
    }

    @AfterAll
    void stop() {
        pp.close();
    }

    @Test
    void with_payment_service_stopped_the_charter_page_is_200_with_payments_unavailable_and_the_rest_shown() {
        long started = System.nanoTime();
        Response r = pp.asClient(client).get("/client/charters/" + charterId);
        long ms = (System.nanoTime() - started) / 1_000_000;
        r.then().statusCode(200).body("unavailable", equalTo(List.of("payments")))
                .body("payments", nullValue()).body("balance", nullValue())
                .body("charter.id", equalTo(charterId.toString()));
        assertEquals(List.of(quoteId.toString()), r.jsonPath().getList("quotes.id"));
        assertEquals(List.of(documentId.toString()), r.jsonPath().getList("documents.id"));
        assertEquals(List.of(invoiceId.toString()), r.jsonPath().getList("invoices.id"));
        // a refused connection is known at once; the bound is the page's deadline (plus slack for a busy machine)
        assertTrue(ms < TIMEOUT_MS + 5_000, "answered in " + ms + " ms");
    }

    @Test
    void with_payment_service_stopped_the_overview_is_200_without_a_balance() {
        Response r = pp.asClient(client).get("/client/overview");
        r.then().statusCode(200).body("unavailable", equalTo(List.of("payments"))).body("balance_due", nullValue());
        assertEquals(List.of(charterId.toString()), r.jsonPath().getList("upcoming_trips.id"));
    }

    @Test
    void with_charter_service_answering_500_the_page_still_shows_the_clients_documents_and_invoices() {
        UUID other = UUID.randomUUID();
        pp.charters.answer("/charters/" + other, 500, PortalsPlatform.problem(500, "boom"));
        pp.documents.answer("/documents", 200, json(page(List.of(document(documentId, other)))));
        pp.finance.answer("/invoices", 200, json(page(List.of(invoice(invoiceId, other, client, "4000.00"),
                invoice(UUID.randomUUID(), other, UUID.randomUUID(), "9999.00")))));
        try {
            Response r = pp.asClient(client).get("/client/charters/" + other);
            r.then().statusCode(200).body("charter", nullValue())
                    .body("unavailable", equalTo(List.of("charters", "quotes", "payments")));
            assertEquals(List.of(documentId.toString()), r.jsonPath().getList("documents.id"));
            // the invoice of another client on that charter is not shown even so
            assertEquals(List.of(invoiceId.toString()), r.jsonPath().getList("invoices.id"));
        } finally {
            pp.documents.answer("/documents", 200, json(page(List.of(document(documentId, charterId)))));
            pp.finance.answer("/invoices", 200, json(page(List.of(invoice(invoiceId, charterId, client, "4000.00")))));
        }
    }
}
