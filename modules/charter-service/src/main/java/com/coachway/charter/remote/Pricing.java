package com.coachway.charter.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.http.ApiException;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * pricing-service as this service needs it: the vehicle types (and their capacity), the price of
 * a trip, and counting a promo code's redemption when a quote using it is accepted.
 */
public final class Pricing {
    private final ServiceClient pricing;

    public Pricing(ServiceClient pricing) {
        this.pricing = pricing;
    }

    private record TypeList(List<VehicleType> items) {
    }

    /** Every vehicle type by code, active or not. */
    public Map<String, VehicleType> vehicleTypes() {
        TypeList list = call(() -> pricing.get("/vehicle-types?limit=200", TypeList.class));
        var byCode = new LinkedHashMap<String, VehicleType>();
        if (list != null && list.items() != null) list.items().forEach(t -> byCode.put(t.code(), t));
        return byCode;
    }

    public record VehicleCount(String vehicleType, int quantity) {
    }

    public record CalculateRequest(List<VehicleCount> vehicles, OffsetDateTime startAt, OffsetDateTime endAt,
                                   int miles, List<String> amenities, String promoCode, boolean taxExempt) {
    }

    public record PricedLine(String code, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    public record Priced(List<PricedLine> lines, BigDecimal subtotal, BigDecimal discount, BigDecimal fuelSurcharge,
                         BigDecimal tax, BigDecimal total, String currency, BigDecimal billableHours, Integer days,
                         JsonNode dot) {
    }

    /**
     * The priced breakdown. Pricing's objections to the input (an unknown promo code, amenity or
     * vehicle type) become our 400 with its field errors: they name fields of the charter or of
     * the quote request, which read the same here.
     */
    public Priced calculate(CalculateRequest request) {
        return call(() -> pricing.post("/calculate", request, Priced.class));
    }

    public record Redemption(String code, String reference, Integer uses) {
    }

    /**
     * Counts one use of {@code code} for this quote; repeating it for the same quote counts once.
     * The code's dates are checked against {@code tripDate}, the trip's local date as pricing
     * priced it. Refused (inactive, outside its dates, used up, or gone) → 409.
     */
    public void redeem(String code, UUID quoteId, LocalDate tripDate) {
        try {
            pricing.post("/promo-codes/" + ServiceClient.encode(code) + "/redemptions",
                    Map.of("reference", quoteId.toString(), "trip_date", tripDate.toString()), Redemption.class);
        } catch (ServiceCallException e) {
            if (e.isUnavailable()) throw e.unavailable();
            if (e.status() == 404 || e.status() == 409 || e.status() == 400) {
                throw ApiException.conflict("The promo code " + code + " can no longer be redeemed"
                        + (e.detail() == null ? "" : ": " + e.detail()) + "; make a new quote without it");
            }
            throw e;
        }
    }

    /**
     * Gives back a use counted by {@link #redeem} for a booking that then did not happen.
     * Idempotent: giving back a use that is not counted (or of a code that is gone) changes
     * nothing. Throws when pricing-service cannot do it now, so the outbox tries again.
     */
    public void release(String code, UUID quoteId) {
        try {
            pricing.delete("/promo-codes/" + ServiceClient.encode(code) + "/redemptions/" + ServiceClient.encode(quoteId.toString()));
        } catch (ServiceCallException e) {
            if (e.isNotFound()) return;
            throw e;
        }
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceCallException e) {
            if (e.isUnavailable()) throw e.unavailable();
            if (e.status() == 400 || e.status() == 422) {
                if (e.errors().isEmpty()) throw ApiException.badRequest("pricing-service: " + e.detail());
                throw ApiException.validation(e.errors());
            }
            throw e;
        }
    }
}
