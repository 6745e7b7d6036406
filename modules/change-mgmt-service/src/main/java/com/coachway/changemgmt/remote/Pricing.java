package com.coachway.changemgmt.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** pricing-service's POST /calculate: the price of a trip, written nothing (pricing with a promo code counts no use of it). */
public final class Pricing {
    private static final String PROMO_FIELD = "promo_code";
    private final ServiceClient pricing;

    public Pricing(ServiceClient pricing) {
        this.pricing = pricing;
    }

    public record VehicleCount(String vehicleType, int quantity) {
    }

    /**
     * {@code redemptionReference}: the reference pricing counted the code's use under (charter-service
     * redeems with the accepted quote's id), so that use, the charter's own, does not make the code
     * used up for the charter's change. Left out of the request when null (pricing takes no null).
     */
    public record PriceRequest(List<VehicleCount> vehicles, OffsetDateTime startAt, OffsetDateTime endAt, int miles,
                               List<String> amenities, String promoCode, boolean taxExempt,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String redemptionReference) {
        public PriceRequest(List<VehicleCount> vehicles, OffsetDateTime startAt, OffsetDateTime endAt, int miles,
                            List<String> amenities, String promoCode, boolean taxExempt) {
            this(vehicles, startAt, endAt, miles, amenities, promoCode, taxExempt, null);
        }

        /** With the code, priced as for anyone: a use counted for this charter counts against it. */
        public PriceRequest withPromoCode(String code) {
            return new PriceRequest(vehicles, startAt, endAt, miles, amenities, code, taxExempt, null);
        }

        /** With the code the quote {@code redeemedFor} was accepted with: its own counted use leaves the code usable for it. */
        public PriceRequest withPromoCode(String code, UUID redeemedFor) {
            return new PriceRequest(vehicles, startAt, endAt, miles, amenities, code, taxExempt,
                    redeemedFor == null ? null : redeemedFor.toString());
        }
    }

    /** The total, or (with {@code total} null) pricing-service's reason the request's promo code does not apply to the trip. */
    public record Priced(BigDecimal total, String promoRefusal) {
        public boolean promoRefused() {
            return promoRefusal != null;
        }
    }

    private record Answer(BigDecimal total) {
    }

    /**
     * The trip's total. Pricing's objections (an unknown vehicle type, a trip too long) are our
     * 400 with its field errors under {@code fieldPrefix}: they are about the change asked for.
     * An objection to the promo code alone is no error: it is answered as {@link Priced#promoRefusal}.
     */
    public Priced price(PriceRequest request, String fieldPrefix) {
        try {
            Answer p = pricing.post("/calculate", request, Answer.class);
            if (p == null || p.total() == null) throw ApiException.unavailable("pricing-service answered without a total");
            return new Priced(p.total(), null);
        } catch (ServiceCallException e) {
            if (e.connectionFailed() || e.isUnavailable()) throw e.unavailable();
            if (e.status() == 400) {
                List<FieldError> objections = e.errors() == null ? List.of() : e.errors();
                if (request.promoCode() != null && !objections.isEmpty() && objections.stream().allMatch(f -> PROMO_FIELD.equals(f.field()))) {
                    return new Priced(null, objections.getFirst().message());
                }
                var errors = objections.isEmpty()
                        ? List.of(new FieldError("requested_changes", "cannot be priced: " + e.detail()))
                        : objections.stream().map(f -> new FieldError(fieldPrefix + f.field(), f.message())).toList();
                throw ApiException.validation(errors);
            }
            throw ApiException.unavailable("pricing-service could not price the change (" + e.status() + ")");
        }
    }
}
