package com.coachway.dispatch;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.dispatch.DispatchPlatform.assignmentBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardTest {
    DispatchPlatform d;

    @BeforeAll
    void start() {
        d = new DispatchPlatform();
    }

    @AfterAll
    void stop() {
        d.close();
    }

    @Test
    void the_board_shows_the_days_charters_by_pickup_with_their_assignments() {
        UUID late = d.charters.charter("confirmed", "2027-11-05T15:00:00Z", 2);
        UUID early = d.charters.charter("booked", "2027-11-05T07:00:00Z", 1);
        d.charters.charter("quoted", "2027-11-05T09:00:00Z", 1);
        d.charters.charter("cancelled", "2027-11-05T10:00:00Z", 1);
        d.charters.charter("booked", "2027-11-06T07:00:00Z", 1);
        UUID driver = d.driver(Map.of("name", "Bo Board"));
        UUID vehicle = d.charters.vehicle("active");
        String trip = d.assign(assignmentBody(late, driver, vehicle, "2027-11-05T15:00:00Z", "2027-11-05T19:00:00Z")).path("id");

        Response board = d.as("sales_agent").queryParam("date", "2027-11-05").get("/board");
        assertEquals(200, board.statusCode(), board::asString);
        assertEquals("2027-11-05", board.path("date"));
        assertEquals(List.of(early.toString(), late.toString()), board.jsonPath().getList("charters.charter_id"));
        assertEquals(List.of(), board.jsonPath().getList("charters[0].assignments"));
        assertEquals(1, board.jsonPath().getInt("charters[0].unassigned"));
        assertEquals(2, board.jsonPath().getInt("charters[1].vehicles_needed"));
        assertEquals(1, board.jsonPath().getInt("charters[1].unassigned"));
        assertEquals(trip, board.path("charters[1].assignments[0].id"));
        assertEquals("Bo Board", board.path("charters[1].assignments[0].driver_name"));
        assertEquals("scheduled", board.path("charters[1].assignments[0].status"));
        // no position has been received for the vehicle (tracking's table is not there yet, or has no row for it)
        assertNull(board.path("charters[1].assignments[0].last_position"));
    }

    @Test
    void the_board_reads_every_page_of_the_day() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 205; i++) {
            ids.add(d.charters.charter("booked", "2027-11-20T%02d:%02d:00Z".formatted(6 + i / 60, i % 60), 1).toString());
        }
        Response board = d.as("dispatcher").queryParam("date", "2027-11-20").get("/board");
        assertEquals(200, board.statusCode());
        assertEquals(ids, board.jsonPath().getList("charters.charter_id"));
        assertTrue(d.charters.requests().stream().anyMatch(r -> r.query() != null && r.query().contains("after=")));
    }

    @Test
    void the_board_needs_a_date_a_staff_role_and_charter_service() {
        assertEquals(400, d.rawAs("dispatcher").get("/board").statusCode());
        assertEquals(400, d.rawAs("dispatcher").queryParam("date", "2027-13-01").get("/board").statusCode());
        assertEquals(403, d.asDriver(d.driver()).queryParam("date", "2027-11-05").get("/board").statusCode());
        d.charters.down = true;
        try {
            assertEquals(503, d.as("dispatcher").queryParam("date", "2027-11-05").get("/board").statusCode());
        } finally {
            d.charters.down = false;
        }
    }
}
