package com.coachway.changemgmt.cases;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceImpactTest {
    @ParameterizedTest(name = "{0} with delta {1} needs a manager: {2}")
    @CsvSource({
            "date_change, 0.00, false",
            "date_change, 499.99, false",
            "date_change, -499.99, false",
            "date_change, 500.00, true",
            "date_change, -500.00, true",
            "vehicle_change, 500.01, true",
            "vehicle_change, -12000.00, true",
            "passenger_count_change, 0.01, false",
            "itinerary_change, 499.994, false",
            "cancellation, 0.00, true",
            "cancellation, -1.00, true",
    })
    void theThresholdIsFiveHundredEitherWayAndEveryCancellation(String type, String delta, boolean manager) {
        assertEquals(manager, PriceImpact.requiresManager(CaseType.fromCode(type).orElseThrow(), new BigDecimal(delta)));
    }

    @Test
    void aCancellationNeedsAManagerEvenUnpriced() {
        assertTrue(PriceImpact.requiresManager(CaseType.CANCELLATION, null));
        assertFalse(PriceImpact.requiresManager(CaseType.OTHER, null));
    }

    @Test
    void theDeltaIsNewMinusCurrentInCents() {
        var p = PriceImpact.of(CaseType.VEHICLE_CHANGE, new BigDecimal("2000"), new BigDecimal("2499.995"));
        assertEquals(new BigDecimal("2000.00"), p.currentTotal());
        assertEquals(new BigDecimal("2500.00"), p.newTotal());
        assertEquals(new BigDecimal("500.00"), p.priceDelta());
        assertTrue(p.requiresManager());
    }

    @Test
    void aCancellationCostsTheWholeCurrentTotal() {
        var p = PriceImpact.of(CaseType.CANCELLATION, new BigDecimal("1234.56"), null);
        assertEquals(new BigDecimal("0.00"), p.newTotal());
        assertEquals(new BigDecimal("-1234.56"), p.priceDelta());
        assertTrue(p.requiresManager());
    }

    @Test
    void otherIsNotPriced() {
        var p = PriceImpact.of(CaseType.OTHER, new BigDecimal("10.00"), new BigDecimal("20.00"));
        assertNull(p.currentTotal());
        assertNull(p.newTotal());
        assertNull(p.priceDelta());
        assertFalse(p.requiresManager());
    }

    @Test
    void theChangedTripsPromoIsKeptAndACancellationPricesNoTrip() {
        var kept = PriceImpact.of(CaseType.DATE_CHANGE, new BigDecimal("1432.25"), new BigDecimal("1923.12"), PriceImpact.Promo.applied("SPRING"));
        assertEquals(new PriceImpact.Promo("SPRING", true, null), kept.promo());
        assertEquals(new BigDecimal("490.87"), kept.priceDelta());
        var cancelled = PriceImpact.of(CaseType.CANCELLATION, new BigDecimal("1432.25"), null, PriceImpact.Promo.applied("SPRING"));
        assertNull(cancelled.promo());
        assertNull(PriceImpact.of(CaseType.OTHER, null, null, PriceImpact.Promo.refused("SPRING", "expired")).promo());
    }
}
