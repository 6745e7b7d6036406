package com.coachway.pricing;

import com.coachway.testkit.KeysetPaging;
import com.coachway.testkit.Rows;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static com.coachway.pricing.PricingPlatform.money;

/** Every pricing-service list pages by cursor as it does by offset, filters applied. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagingTest {
    PricingPlatform p;
    String redeemed;
    String tag;

    @BeforeAll
    void start() {
        p = new PricingPlatform();
        tag = "pg" + UUID.randomUUID().toString().substring(0, 4);
        for (String suffix : List.of("a", "b", "c", "d")) {
            p.api(p.manager()).contentType("application/json")
                    .body(Map.of("code", tag + suffix, "discount_type", "percent", "discount_value", money("10"), "active", !suffix.equals("d")))
                    .post("/promo-codes").then().statusCode(201);
        }
        redeemed = tag.toUpperCase() + "A";
        for (String reference : List.of("q-3", "q-1", "q-2", "q-4")) {
            p.api(p.service()).contentType("application/json").body(Map.of("reference", reference))
                    .post("/promo-codes/" + redeemed + "/redemptions").then().statusCode(201);
        }
        // two redemptions at the same instant: the reference breaks the tie
        Rows.execute(p.platform.databaseUrl(), "update pricing.promo_redemptions set redeemed_at = timestamptz '2027-01-01 10:00Z' "
                + "where code = ? and reference in ('q-1', 'q-2')", redeemed);
        // three cards of one type, two from the same day
        Rows.execute(p.platform.databaseUrl(), """
                insert into pricing.rate_cards (id, vehicle_type, hourly_rate, minimum_hours, per_mile_rate, daily_rate,
                                                included_miles_per_day, driver_overnight_fee, extra_driver_hourly_rate, effective_from, effective_to)
                select gen_random_uuid(), 'minibus_28', 150, 5, 4, 1350, 250, 175, 50, d, d + 10
                  from unnest(array[date '2025-01-01', date '2025-01-01', date '2025-03-01']) d""");
    }

    @AfterAll
    void stop() {
        p.close();
    }

    private Supplier<RequestSpecification> asManager() {
        return () -> p.api(p.manager());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/vehicle-types", "/rates", "/amenities", "/promo-codes"})
    void each_list_by_cursor_is_the_list_by_offset(String path) {
        String id = switch (path) {
            case "/rates" -> "id";
            default -> "code";
        };
        KeysetPaging.assertWalkMatchesOffsets(asManager(), path, Map.of(), 2, id);
    }

    @Test
    void lists_by_cursor_keep_their_filters() {
        KeysetPaging.assertWalkMatchesOffsets(asManager(), "/promo-codes", Map.of("q", tag, "active", true), 2, "code");
        KeysetPaging.assertWalkMatchesOffsets(asManager(), "/rates", Map.of("vehicle_type", "minibus_28"), 2, "id");
        KeysetPaging.assertWalkMatchesOffsets(asManager(), "/vehicle-types", Map.of("active", true), 2, "code");
    }

    @Test
    void redemptions_by_cursor_are_those_by_offset_newest_first() {
        KeysetPaging.assertWalkMatchesOffsets(asManager(), "/promo-codes/" + redeemed + "/redemptions", Map.of(), 1, "reference");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/vehicle-types", "/rates", "/amenities", "/promo-codes", "redemptions"})
    void a_bad_cursor_is_refused(String path) {
        KeysetPaging.assertBadCursorsRefused(asManager(), path.startsWith("/") ? path : "/promo-codes/" + redeemed + "/redemptions", Map.of());
    }
}
