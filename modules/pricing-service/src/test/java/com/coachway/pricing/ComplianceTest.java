package com.coachway.pricing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** POST /compliance/check through the gateway; the rules are covered in HoursOfServiceTest. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceTest {
    PricingPlatform p;

    @BeforeAll
    void start() {
        p = new PricingPlatform();
    }

    @AfterAll
    void stop() {
        p.close();
    }

    static Map<String, Object> period(String start, String end, Object driving) {
        return Map.of("start_at", start, "end_at", end, "driving_hours", driving);
    }

    static Map<String, Object> body(Object periods) {
        var b = new HashMap<String, Object>();
        b.put("duty_periods", periods);
        return b;
    }

    @Test
    void a_legal_day_is_compliant() {
        p.api(p.platform.token("dispatcher")).contentType("application/json")
                .body(body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T12:00:00-04:00", 5),
                        period("2026-05-01T13:00:00-04:00", "2026-05-01T18:00:00-04:00", 4.5))))
                .post("/compliance/check").then().statusCode(200)
                .body("compliant", equalTo(true)).body("violations.size()", equalTo(0));
    }

    @Test
    void violations_name_the_rule_and_the_period() {
        p.api(p.service()).contentType("application/json")
                .body(body(List.of(period("2026-05-01T14:00:00-04:00", "2026-05-01T20:00:00-04:00", 5),
                        period("2026-05-01T06:00:00-04:00", "2026-05-01T12:00:00-04:00", 6))))
                .post("/compliance/check").then().statusCode(200)
                .body("compliant", equalTo(false))
                .body("violations[0].rule", equalTo("driving_10_hours"))
                .body("violations[0].period", equalTo(0))
                .body("violations[0].detail", containsString("11 h of driving"));
    }

    @Test
    void the_cycle_chooses_sixty_in_seven_or_seventy_in_eight() {
        var week = new ArrayList<Map<String, Object>>();
        for (int d = 1; d <= 7; d++) {
            week.add(period("2026-05-0%dT07:00:00-04:00".formatted(d), "2026-05-0%dT16:00:00-04:00".formatted(d), 8));
        }
        p.api(p.agent()).contentType("application/json").body(body(week)).post("/compliance/check").then().statusCode(200)
                .body("violations.rule", equalTo(List.of("on_duty_60_hours_7_days"))).body("violations[0].period", equalTo(6));
        var everyDay = body(week);
        everyDay.put("cycle", "70_8");
        p.api(p.agent()).contentType("application/json").body(everyDay).post("/compliance/check").then().statusCode(200)
                .body("compliant", equalTo(true));
    }

    @Test
    void malformed_duty_periods_are_400_naming_the_field() {
        var cases = new LinkedHashMap<Object, String>();
        cases.put("{", null);
        cases.put(body(List.of()), "duty_periods");
        cases.put(body("all week"), "duty_periods");
        cases.put(Map.of(), "duty_periods");
        cases.put(body(List.of(Map.of("start_at", "2026-05-01T06:00:00-04:00", "driving_hours", 1))), "duty_periods[0].end_at");
        cases.put(body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T05:00:00-04:00", 0))), "duty_periods[0].end_at");
        cases.put(body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-02T07:00:00-04:00", 0))), "duty_periods[0].end_at");
        cases.put(body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", 3))), "duty_periods[0].driving_hours");
        cases.put(body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", -1))), "duty_periods[0].driving_hours");
        cases.put(body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", "two"))), "duty_periods[0].driving_hours");
        cases.put(body(List.of(period("yesterday", "2026-05-01T08:00:00-04:00", 1))), "duty_periods[0].start_at");
        cases.put(body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T12:00:00-04:00", 1),
                period("2026-05-01T11:00:00-04:00", "2026-05-01T13:00:00-04:00", 1))), "duty_periods[1].start_at");
        var badCycle = body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", 1)));
        badCycle.put("cycle", "80_9");
        cases.put(badCycle, "cycle");
        var extra = body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", 1)));
        extra.put("driver", "Al");
        cases.put(extra, "driver");
        for (var c : cases.entrySet()) {
            var then = p.raw(p.agent()).contentType("application/json").body(c.getKey()).post("/compliance/check").then()
                    .statusCode(400).contentType("application/problem+json");
            if (c.getValue() != null) then.body("errors.field", hasItem(c.getValue()));
        }
    }

    @Test
    void portal_users_and_strangers_may_not_check() {
        var ok = body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", 1)));
        p.raw(p.platform.portalToken("client", UUID.randomUUID())).contentType("application/json").body(ok)
                .post("/compliance/check").then().statusCode(403);
        p.anonymous().contentType("application/json").body(ok).post("/compliance/check").then().statusCode(401);
    }
}
