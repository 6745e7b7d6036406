package com.coachway.pricing.calculate;

import com.coachway.common.http.JsonInput;
import com.coachway.pricing.calculator.PriceRequest;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** POST /calculate: reads and checks the request and answers {@link CalculateActions#price}. */
public final class CalculateHandler {
    static final Duration MAX_TRIP = Duration.ofDays(31);

    private final CalculateActions actions;

    public CalculateHandler(CalculateActions actions) {
        this.actions = actions;
    }

    public void calculate(Context ctx) {
        ctx.json(actions.price(read(JsonInput.of(ctx))));
    }

    private static PriceRequest read(JsonInput in) {
        var vehicles = new ArrayList<PriceRequest.Vehicle>();
        List<JsonInput> items = in.requiredObjectList("vehicles");
        if (items != null) {
            var seen = new HashSet<String>();
            for (int i = 0; i < items.size(); i++) {
                JsonInput v = items.get(i);
                String type = v.requiredString("vehicle_type");
                Integer quantity = v.requiredInt("quantity");
                if (type != null && !seen.add(type)) v.error("vehicle_type", "is repeated; give one entry per type with its quantity");
                if (type != null && quantity != null) vehicles.add(new PriceRequest.Vehicle(type, quantity));
            }
        }
        OffsetDateTime start = in.requiredDateTime("start_at");
        OffsetDateTime end = in.requiredDateTime("end_at");
        if (start != null && end != null) {
            if (!end.isAfter(start)) in.error("end_at", "must be after start_at");
            else if (Duration.between(start, end).compareTo(MAX_TRIP) > 0) in.error("end_at", "must be at most 31 days after start_at");
        }
        BigDecimal miles = in.optionalDecimal("miles", 2);
        List<String> amenityCodes = in.optionalStringList("amenities");
        String promo = in.optionalString("promo_code");
        Boolean taxExempt = in.optionalBool("tax_exempt");
        String redemptionReference = in.optionalString("redemption_reference");
        in.validate();
        return new PriceRequest(List.copyOf(vehicles), start, end, miles == null ? BigDecimal.ZERO.setScale(2) : miles,
                amenityCodes == null ? List.of() : amenityCodes,
                promo == null || promo.isBlank() ? null : promo,
                Boolean.TRUE.equals(taxExempt), redemptionReference);
    }
}
