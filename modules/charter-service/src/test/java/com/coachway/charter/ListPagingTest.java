package com.coachway.charter;

import com.coachway.testkit.KeysetPaging;
import com.coachway.testkit.Rows;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every charter-service list pages by cursor as it does by offset, in every sort order, filters applied. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagingTest {
    CharterPlatform cw;
    String clientId;
    String booked;

    @BeforeAll
    void start() {
        cw = new CharterPlatform();
        clientId = cw.createClient();
        String other = cw.createClient();
        // four on one day, so pickup_at ties and the id decides
        for (String day : List.of("2027-05-04", "2027-05-04", "2027-05-04", "2027-05-04", "2027-05-02", "2027-05-09")) {
            cw.createCharter(clientId, day);
        }
        cw.createCharter(other, "2027-05-04");
        booked = cw.createCharter(clientId, "2027-05-20");
        for (int i = 0; i < 2; i++) cw.createQuote(booked);
        cw.accept(cw.sentQuote(booked)).then().statusCode(200);
        for (String amount : List.of("100.00", "200.00", "300.00")) {
            cw.as("dispatcher").contentType("application/json")
                    .body(Map.of("vendor_id", UUID.randomUUID().toString(), "amount", new BigDecimal(amount), "due_date", "2027-06-30"))
                    .post("/charters/" + booked + "/vendor-payments").then().statusCode(201);
        }
        for (int i = 0; i < 3; i++) cw.createVehicle("coach_56", 56);
        for (int i = 0; i < 2; i++) cw.createVehicle("minibus_28", 28);
    }

    @AfterAll
    void stop() {
        cw.close();
    }

    private Supplier<RequestSpecification> as(String role) {
        return () -> cw.as(role);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pickup_at", "-pickup_at", "created_at", "-created_at"})
    void charters_by_cursor_are_the_charters_by_offset_in_every_order(String sort) {
        KeysetPaging.assertWalkMatchesOffsets(as("sales_agent"), "/charters", Map.of("sort", sort), 2, "id");
    }

    @Test
    void charters_by_cursor_keep_the_filters() {
        var ids = KeysetPaging.assertWalkMatchesOffsets(as("sales_agent"), "/charters",
                Map.of("client_id", clientId, "status", "inquiry", "from", "2027-05-03", "to", "2027-05-10"), 2, "id");
        assertEquals(5, ids.size());
    }

    @Test
    void the_lists_of_one_charter_by_cursor_are_those_by_offset() {
        KeysetPaging.assertWalkMatchesOffsets(as("sales_agent"), "/charters/" + booked + "/quotes", Map.of(), 2, "id");
        KeysetPaging.assertWalkMatchesOffsets(as("sales_agent"), "/charters/" + booked + "/history", Map.of(), 2, "id");
        KeysetPaging.assertWalkMatchesOffsets(as("accountant"), "/charters/" + booked + "/vendor-payments", Map.of(), 2, "id");
    }

    @Test
    void vehicles_by_cursor_are_the_vehicles_by_offset_with_and_without_a_filter() {
        KeysetPaging.assertWalkMatchesOffsets(as("dispatcher"), "/vehicles", Map.of(), 2, "id");
        KeysetPaging.assertWalkMatchesOffsets(as("dispatcher"), "/vehicles", Map.of("vehicle_type", "coach_56"), 2, "id");
    }

    @Test
    void a_cursor_of_one_sort_is_refused_by_another() {
        String next = cw.as("sales_agent").queryParam("limit", 1).get("/charters").path("next");
        cw.as("sales_agent").queryParam("sort", "-pickup_at").queryParam("after", next).get("/charters").then().statusCode(400);
    }

    @Test
    void the_cursor_the_bench_builds_in_sql_starts_where_the_offset_does() {
        // cursor_at in scripts/bench/booking.sh: keep the two in step
        String cursor = Rows.scalar(cw.platform.databaseUrl(), String.class, """
                select translate(encode(convert_to(jsonb_build_object('o', 'charters:pickup_at',
                       'k', jsonb_build_array(pickup_at, id::text))::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')
                  from charter.charters order by pickup_at, id offset 2 limit 1""");
        String byOffset = cw.as("sales_agent").queryParam("offset", 3).queryParam("limit", 1).get("/charters").path("items[0].id");
        String byCursor = cw.as("sales_agent").queryParam("after", cursor).queryParam("limit", 1).get("/charters").path("items[0].id");

        assertEquals(byOffset, byCursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/charters", "/vehicles", "quotes", "history", "vendor-payments"})
    void a_bad_cursor_is_refused(String list) {
        String path = list.startsWith("/") ? list : "/charters/" + booked + "/" + list;
        KeysetPaging.assertBadCursorsRefused(as(list.equals("vendor-payments") ? "accountant" : "dispatcher"), path, Map.of());
    }
}
