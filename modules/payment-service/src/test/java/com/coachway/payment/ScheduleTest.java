package com.coachway.payment;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.payment.PaymentPlatform.scheduleBody;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Schedules opened by charter-service's event (POST /schedules, service role): the split, the dates, the key. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleTest {
    PaymentPlatform pay;

    @BeforeAll
    void start() {
        pay = new PaymentPlatform();
    }

    @AfterAll
    void stop() {
        pay.close();
    }

    private Response open(String total, String pickupAt, String bookedAt) {
        UUID charter = UUID.randomUUID();
        Response r = pay.openSchedule(scheduleBody(charter, UUID.randomUUID(), total, pickupAt, bookedAt), "evt-" + UUID.randomUUID());
        r.then().statusCode(201).body("charter_id", equalTo(charter.toString()));
        return r;
    }

    @Test
    void a_quarter_is_due_at_booking_and_the_rest_fourteen_days_before_pickup_to_the_cent() {
        // 1000.01 × 25 % = 250.0025 → 250.00; balance 1000.01 − 250.00 = 750.01; 2027-05-01 − 14 days = 2027-04-17
        open("1000.01", "2027-05-01T08:00:00-04:00", "2027-03-01T15:00:00Z").then()
                .body("total", equalTo(1000.01f)).body("booked_on", equalTo("2027-03-01"))
                .body("installments.kind", equalTo(List.of("deposit", "balance")))
                .body("installments.sequence", equalTo(List.of(1, 2)))
                .body("installments.amount", equalTo(List.of(250.00f, 750.01f)))
                .body("installments.due_date", equalTo(List.of("2027-03-01", "2027-04-17")))
                .body("installments.paid", equalTo(List.of(0f, 0f)))
                .body("installments.outstanding", equalTo(List.of(250.00f, 750.01f)))
                .body("installments.status", equalTo(List.of("open", "open")))
                .body("paid", equalTo(0f)).body("outstanding", equalTo(1000.01f));
    }

    @Test
    void the_deposit_rounds_half_up_and_the_balance_takes_the_remaining_cents() {
        // 100.02 × 25 % = 25.005 → 25.01 (half up); balance 75.01
        open("100.02", "2027-05-01T08:00:00-04:00", "2027-03-01T15:00:00Z").then()
                .body("installments.amount", equalTo(List.of(25.01f, 75.01f)));
        // 0.03 × 25 % = 0.0075 → 0.01; balance 0.02
        open("0.03", "2027-05-01T08:00:00-04:00", "2027-03-01T15:00:00Z").then()
                .body("installments.amount", equalTo(List.of(0.01f, 0.02f)));
    }

    @Test
    void a_pickup_fourteen_days_or_less_away_is_due_all_at_once_on_the_booking_day() {
        // 9 days ahead
        open("1200.00", "2027-03-10T08:00:00-05:00", "2027-03-01T15:00:00Z").then()
                .body("installments.kind", equalTo(List.of("full"))).body("installments.amount", equalTo(List.of(1200.00f)))
                .body("installments.due_date", equalTo(List.of("2027-03-01")));
        // exactly 14 days: the balance would fall on the booking day itself
        open("1200.00", "2027-03-15T08:00:00-04:00", "2027-03-01T15:00:00Z").then()
                .body("installments.kind", equalTo(List.of("full"))).body("installments.due_date", equalTo(List.of("2027-03-01")));
        // 15 days: split, balance the day after booking
        open("1200.00", "2027-03-16T08:00:00-04:00", "2027-03-01T15:00:00Z").then()
                .body("installments.kind", equalTo(List.of("deposit", "balance")))
                .body("installments.amount", equalTo(List.of(300.00f, 900.00f)))
                .body("installments.due_date", equalTo(List.of("2027-03-01", "2027-03-02")));
    }

    @Test
    void days_are_the_company_calendar_days_in_new_york() {
        // booked 2027-03-02 03:30 UTC = 2027-03-01 22:30 in New York; pickup 2027-05-01 02:00 UTC = 2027-04-30 22:00 there
        open("400.00", "2027-05-01T02:00:00Z", "2027-03-02T03:30:00Z").then()
                .body("booked_on", equalTo("2027-03-01"))
                .body("installments.due_date", equalTo(List.of("2027-03-01", "2027-04-16")));
    }

    @Test
    void a_redelivered_event_answers_the_schedule_opened_first_and_another_request_is_a_409() {
        UUID charter = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        var body = scheduleBody(charter, client, "800.00", "2027-06-01T08:00:00-04:00", "2027-03-01T15:00:00Z");
        String key = "evt-" + UUID.randomUUID();
        String id = pay.openSchedule(body, key).then().statusCode(201).extract().path("id");
        pay.openSchedule(body, key).then().statusCode(201).body("id", equalTo(id));
        var before = pay.counts();

        var other = new java.util.LinkedHashMap<>(body);
        other.put("total", 900);
        pay.openSchedule(other, key).then().statusCode(409).contentType("application/problem+json");
        pay.openSchedule(body, "evt-" + UUID.randomUUID()).then().statusCode(409).contentType("application/problem+json");
        assertEquals(before, pay.counts());
        pay.schedule(charter).then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void only_services_open_schedules_and_bad_input_opens_none() {
        var body = scheduleBody(UUID.randomUUID(), UUID.randomUUID(), "800.00", "2027-06-01T08:00:00-04:00", null);
        var before = pay.counts();
        for (String role : List.of("accountant", "admin_not", "client")) {
            if (role.equals("admin_not")) continue;
            var spec = role.equals("client") ? pay.rawAsClientUser(UUID.randomUUID()) : pay.rawAs(role);
            spec.header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json").body(body).post("/schedules")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        pay.rawAs("service").contentType("application/json").body(body).post("/schedules")
                .then().statusCode(400).contentType("application/problem+json");
        for (Object bad : List.of("{", "[]", Map.of(), Map.of("charter_id", "x", "client_id", UUID.randomUUID().toString(), "total", 1, "pickup_at", "2027-01-01T00:00:00Z"),
                merged(body, "total", "100"), merged(body, "total", 1.001), merged(body, "total", -1), merged(body, "pickup_at", "tomorrow"),
                merged(body, "currency", "EUR"), merged(body, "surprise", true))) {
            var spec = pay.rawAs("service").header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json");
            (bad instanceof String s ? spec.body(s) : spec.body(bad)).post("/schedules")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(before, pay.counts());
    }

    @Test
    void a_client_user_reads_only_its_own_schedules() {
        UUID mine = UUID.randomUUID();
        UUID myCharter = pay.scheduledCharter(mine, "500.00");
        UUID theirCharter = pay.scheduledCharter(UUID.randomUUID(), "500.00");
        pay.asClientUser(mine).get("/schedules").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].charter_id", equalTo(myCharter.toString()));
        pay.asClientUser(mine).queryParam("charter_id", theirCharter.toString()).get("/schedules").then().statusCode(200).body("total", equalTo(0));
        pay.as("sales_agent").queryParam("charter_id", theirCharter.toString()).get("/schedules").then().statusCode(200).body("total", equalTo(1));
        pay.rawAs("accountant").queryParam("charter_id", "nope").get("/schedules").then().statusCode(400);
    }

    @Test
    void the_schedule_list_pages_by_cursor_as_by_offset() {
        UUID client = UUID.randomUUID();
        for (int i = 0; i < 7; i++) pay.scheduledCharter(client, "100.00");
        com.coachway.testkit.KeysetPaging.assertWalkMatchesOffsets(() -> pay.as("accountant"), "/schedules",
                Map.of("client_id", client.toString()), 3, "id");
        com.coachway.testkit.KeysetPaging.assertBadCursorsRefused(() -> pay.rawAs("accountant"), "/schedules",
                Map.of("client_id", client.toString()));
    }

    static Map<String, Object> merged(Map<String, Object> body, String field, Object value) {
        var copy = new java.util.LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
