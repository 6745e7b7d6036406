package com.coachway.pricing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.argumentSet;
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

    static Stream<Arguments> malformed() {
        var badCycle = body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", 1)));
        badCycle.put("cycle", "80_9");
        var extra = body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", 1)));
        extra.put("driver", "Al");
        return Stream.of(
                argumentSet("malformed JSON", "{", null),
                argumentSet("no periods", body(List.of()), "duty_periods"),
                argumentSet("periods as a string", body("all week"), "duty_periods"),
                argumentSet("an empty object", Map.of(), "duty_periods"),
                argumentSet("a period without an end", body(List.of(Map.of("start_at", "2026-05-01T06:00:00-04:00", "driving_hours", 1))), "duty_periods[0].end_at"),
                argumentSet("an end before the start", body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T05:00:00-04:00", 0))), "duty_periods[0].end_at"),
                argumentSet("a period over 24 hours", body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-02T07:00:00-04:00", 0))), "duty_periods[0].end_at"),
                argumentSet("more driving than the period", body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", 3))), "duty_periods[0].driving_hours"),
                argumentSet("negative driving", body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", -1))), "duty_periods[0].driving_hours"),
                argumentSet("driving in words", body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", "two"))), "duty_periods[0].driving_hours"),
                argumentSet("a start in words", body(List.of(period("yesterday", "2026-05-01T08:00:00-04:00", 1))), "duty_periods[0].start_at"),
                argumentSet("overlapping periods", body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T12:00:00-04:00", 1),
                        period("2026-05-01T11:00:00-04:00", "2026-05-01T13:00:00-04:00", 1))), "duty_periods[1].start_at"),
                argumentSet("an unknown cycle", badCycle, "cycle"),
                argumentSet("an unknown field", extra, "driver"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformed_duty_periods_are_400_naming_the_field(Object body, String field) {
        var then = p.raw(p.agent()).contentType("application/json").body(body).post("/compliance/check").then()
                .statusCode(400).contentType("application/problem+json");
        if (field != null) then.body("errors.field", hasItem(field));
    }

    @Test
    void duty_at_night_counts_to_the_service_day_it_began() {
        // six 9-hour days (54 h), then 7 h of driving from 01:00 on day 8: still service day 7 (the day
        // starts at 04:00), so the 7 days hold 54 h and leave 6 h
        var periods = new ArrayList<Map<String, Object>>();
        for (int d = 1; d <= 6; d++) {
            periods.add(period("2026-05-0%dT07:00:00-04:00".formatted(d), "2026-05-0%dT16:00:00-04:00".formatted(d), 8));
        }
        periods.add(period("2026-05-08T01:00:00-04:00", "2026-05-08T08:00:00-04:00", 7));
        p.api(p.agent()).contentType("application/json").body(body(periods)).post("/compliance/check").then().statusCode(200)
                .body("violations.rule", equalTo(List.of("on_duty_60_hours_7_days"))).body("violations[0].period", equalTo(6));
    }

    @Test
    void portal_users_and_strangers_may_not_check() {
        var ok = body(List.of(period("2026-05-01T06:00:00-04:00", "2026-05-01T08:00:00-04:00", 1)));
        p.raw(p.platform.portalToken("client", UUID.randomUUID())).contentType("application/json").body(ok)
                .post("/compliance/check").then().statusCode(403);
        p.anonymous().contentType("application/json").body(ok).post("/compliance/check").then().statusCode(401);
    }
}
