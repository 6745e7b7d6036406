package com.coachway.pricing.calculate;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.JsonInput;
import com.coachway.pricing.amenities.Amenity;
import com.coachway.pricing.amenities.AmenityStore;
import com.coachway.pricing.calculator.Catalogue;
import com.coachway.pricing.calculator.PriceCalculator;
import com.coachway.pricing.calculator.PriceRequest;
import com.coachway.pricing.calculator.PricingRejected;
import com.coachway.pricing.calculator.PricingSettings;
import com.coachway.pricing.calculator.TripTime;
import com.coachway.pricing.promos.PromoRules;
import com.coachway.pricing.promos.PromoStore;
import com.coachway.pricing.rates.RateCardStore;
import com.coachway.pricing.vehicles.VehicleType;
import com.coachway.pricing.vehicles.VehicleTypeStore;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * POST /calculate: reads and checks the request, loads the catalogue snapshot for the trip date
 * (rate cards in effect, amenities, promo code), and hands both to the pure {@link PriceCalculator}.
 * Writes nothing.
 */
public final class CalculateHandler {
    static final Duration MAX_TRIP = Duration.ofDays(31);

    private final VehicleTypeStore vehicleTypes;
    private final RateCardStore rates;
    private final AmenityStore amenities;
    private final PromoStore promos;
    private final PricingSettings settings;

    public CalculateHandler(VehicleTypeStore vehicleTypes, RateCardStore rates, AmenityStore amenities, PromoStore promos,
                            PricingSettings settings) {
        this.vehicleTypes = vehicleTypes;
        this.rates = rates;
        this.amenities = amenities;
        this.promos = promos;
        this.settings = settings;
    }

    public void calculate(Context ctx) {
        PriceRequest req = read(JsonInput.of(ctx));

        var types = req.vehicles().stream().map(PriceRequest.Vehicle::vehicleType).toList();
        Map<String, VehicleType> known = vehicleTypes.byCodes(types);
        Map<String, Amenity> amenityByCode = amenities.byCodes(req.amenities());
        var errors = new ArrayList<FieldError>();
        for (int i = 0; i < types.size(); i++) {
            VehicleType t = known.get(types.get(i));
            if (t == null) errors.add(new FieldError("vehicles[" + i + "].vehicle_type", "is not a known vehicle type"));
            else if (!t.active()) errors.add(new FieldError("vehicles[" + i + "].vehicle_type", "is no longer offered"));
        }
        for (int i = 0; i < req.amenities().size(); i++) {
            Amenity a = amenityByCode.get(req.amenities().get(i));
            if (a == null) errors.add(new FieldError("amenities[" + i + "]", "is not a known amenity"));
            else if (!a.active()) errors.add(new FieldError("amenities[" + i + "]", "is no longer offered"));
        }
        if (!errors.isEmpty()) throw ApiException.validation(errors);

        var names = new HashMap<String, String>();
        known.values().forEach(t -> names.put(t.code(), t.name()));
        var catalogue = new Catalogue(
                rates.inEffect(types, TripTime.tripDate(req.startAt(), settings.zone())),
                names,
                amenityByCode,
                req.promoCode() == null ? null : promos.find(PromoRules.normalize(req.promoCode())).orElse(null));
        try {
            ctx.json(PriceCalculator.calculate(req, catalogue, settings));
        } catch (PricingRejected e) {
            throw ApiException.validation(e.errors());
        }
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
        in.validate();
        return new PriceRequest(List.copyOf(vehicles), start, end, miles == null ? BigDecimal.ZERO.setScale(2) : miles,
                amenityCodes == null ? List.of() : amenityCodes,
                promo == null || promo.isBlank() ? null : promo,
                Boolean.TRUE.equals(taxExempt));
    }
}
