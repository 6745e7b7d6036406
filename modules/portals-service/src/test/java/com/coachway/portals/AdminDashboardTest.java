package com.coachway.portals;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.portals.PortalsPlatform.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin dashboard: analytics-service's dashboard and the open cases and leads, with the caller's token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminDashboardTest {
    PortalsPlatform pp;

    static Map<String, Object> counted(int total) {
        var p = new LinkedHashMap<String, Object>();
        p.put("items", List.of());
        p.put("total", total);
        p.put("limit", 1);
        p.put("next", null);
        return p;
    }

    @BeforeAll
    void start() {
        pp = new PortalsPlatform(Map.of());
        var d = new LinkedHashMap<String, Object>();
        d.put("as_of", "2026-12-01T21:00:00Z");
        d.put("date", "2026-12-01");
        d.put("today_trips", 7);
        d.put("in_progress", 2);
        d.put("month_to_date_revenue", new BigDecimal("12345.67"));
        d.put("month_to_date_bookings", 4);
        d.put("open_quote_value", new BigDecimal("8000.00"));
        d.put("outstanding_receivables", new BigDecimal("2500.50"));
        d.put("next_7_days", List.of(Map.of("date", "2026-12-02", "trips", 3)));
        pp.analytics.answer("/dashboard", 200, json(d));
        pp.changeMgmt.answer("/cases", 200, json(counted(2)));
        pp.sales.answer("/leads", 200, json(counted(5)));
    }

    @AfterAll
    void stop() {
        pp.close();
    }

    @Test
    void the_dashboard_shows_analytics_and_the_open_cases_and_leads() {
        String token = pp.platform.token("manager");
        Response r = pp.as("manager").get("/admin/dashboard");
        r.then().statusCode(200).body("analytics.today_trips", equalTo(7)).body("analytics.outstanding_receivables", equalTo(2500.5f))
                .body("open_cases", equalTo(4)).body("open_leads", equalTo(15)).body("unavailable", equalTo(List.of()));
        assertEquals(List.of("limit=1&status=submitted", "limit=1&status=under_review"),
                pp.changeMgmt.requests().stream().map(q -> q.query()).sorted().distinct().toList());
        assertEquals(List.of("limit=1&status=contacted", "limit=1&status=new", "limit=1&status=qualified"),
                pp.sales.requests().stream().map(q -> q.query()).sorted().distinct().toList());
        assertTrue(pp.analytics.requests().stream().allMatch(q -> ("Bearer " + token).equals(q.authorization())));
        pp.platform.api(PortalsPlatform.PORTALS).auth().oauth2(pp.platform.adminToken()).get("/admin/dashboard").then().statusCode(200);
    }

    @Test
    void a_neighbour_that_is_down_leaves_its_section_out() {
        pp.sales.answer("/leads", 503, PortalsPlatform.problem(503, "database down"));
        try {
            pp.as("manager").get("/admin/dashboard").then().statusCode(200).body("open_leads", equalTo(null))
                    .body("open_cases", equalTo(4)).body("unavailable", equalTo(List.of("leads")));
        } finally {
            pp.sales.answer("/leads", 200, json(counted(5)));
        }
    }

    @Test
    void a_neighbour_without_the_route_gives_no_figure_rather_than_zero() {
        pp.changeMgmt.answer("/cases", 404, PortalsPlatform.problem(404, "No such resource: GET /cases"));
        try {
            pp.as("manager").get("/admin/dashboard").then().statusCode(200).body("open_cases", equalTo(null))
                    .body("open_leads", equalTo(15)).body("unavailable", equalTo(List.of("cases")));
        } finally {
            pp.changeMgmt.answer("/cases", 200, json(counted(2)));
        }
    }

    @Test
    void only_admins_and_managers_see_it() {
        pp.anonymous().get("/admin/dashboard").then().statusCode(401);
        for (String role : List.of("sales_agent", "dispatcher", "accountant")) pp.as(role).get("/admin/dashboard").then().statusCode(403);
        pp.asClient(UUID.randomUUID()).get("/admin/dashboard").then().statusCode(403);
        pp.asVendor(UUID.randomUUID()).get("/admin/dashboard").then().statusCode(403);
    }
}
