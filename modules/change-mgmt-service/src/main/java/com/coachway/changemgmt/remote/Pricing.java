package com.coachway.changemgmt.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** pricing-service's POST /calculate: the price of a trip, written nothing. */
public final class Pricing {
    private final ServiceClient pricing;

    public Pricing(ServiceClient pricing) {
        this.pricing = pricing;
    }

    public record VehicleCount(String vehicleType, int quantity) {
    }

    public record PriceRequest(List<VehicleCount> vehicles, OffsetDateTime startAt, OffsetDateTime endAt, int miles,
                               List<String> amenities, boolean taxExempt) {
    }

    private record Priced(BigDecimal total) {
    }

    /**
     * The trip's total. Pricing's objections (an unknown vehicle type, a trip too long) are our
     * 400 with its field errors under {@code fieldPrefix}: they are about the change asked for.
     */
    public BigDecimal total(PriceRequest request, String fieldPrefix) {
        try {
            Priced p = pricing.post("/calculate", request, Priced.class);
            if (p == null || p.total() == null) throw ApiException.unavailable("pricing-service answered without a total");
            return p.total();
        } catch (ServiceCallException e) {
            if (e.connectionFailed() || e.isUnavailable()) throw e.unavailable();
            if (e.status() == 400) {
                var errors = e.errors() == null || e.errors().isEmpty()
                        ? List.of(new FieldError("requested_changes", "cannot be priced: " + e.detail()))
                        : e.errors().stream().map(f -> new FieldError(fieldPrefix + f.field(), f.message())).toList();
                throw ApiException.validation(errors);
            }
            throw ApiException.unavailable("pricing-service could not price the change (" + e.status() + ")");
        }
    }
}
