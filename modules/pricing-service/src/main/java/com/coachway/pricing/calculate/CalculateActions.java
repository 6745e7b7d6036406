package com.coachway.pricing.calculate;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.pricing.amenities.Amenity;
import com.coachway.pricing.amenities.AmenityStore;
import com.coachway.pricing.calculator.Catalogue;
import com.coachway.pricing.calculator.PriceCalculator;
import com.coachway.pricing.calculator.PriceRequest;
import com.coachway.pricing.calculator.PricingRejected;
import com.coachway.pricing.calculator.PricingSettings;
import com.coachway.pricing.calculator.Quote;
import com.coachway.pricing.calculator.TripTime;
import com.coachway.pricing.promos.PromoCode;
import com.coachway.pricing.promos.PromoRules;
import com.coachway.pricing.promos.PromoStore;
import com.coachway.pricing.rates.RateCardStore;
import com.coachway.pricing.vehicles.VehicleType;
import com.coachway.pricing.vehicles.VehicleTypeStore;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Pricing a trip: checks the request's vehicle types and amenities exist and are offered, loads
 * the catalogue snapshot for the trip date (rate cards in effect, amenities, promo code), and
 * hands both to the pure {@link PriceCalculator}. Writes nothing: pricing a promo does not redeem it.
 * A {@code redemption_reference} holding a redemption of the code makes that use the request's own.
 */
public final class CalculateActions {
    private final DSLContext dsl;
    private final PricingSettings settings;

    public CalculateActions(DSLContext dsl, PricingSettings settings) {
        this.dsl = dsl;
        this.settings = settings;
    }

    public Quote price(PriceRequest req) {
        var types = req.vehicles().stream().map(PriceRequest.Vehicle::vehicleType).toList();
        Map<String, VehicleType> known = VehicleTypeStore.byCodes(dsl, types);
        Map<String, Amenity> amenityByCode = AmenityStore.byCodes(dsl, req.amenities());
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
        PromoCode promo = req.promoCode() == null ? null
                : PromoRules.storedForm(req.promoCode()).flatMap(code -> PromoStore.find(dsl, code)).orElse(null);
        // read apart from the code, without a lock: an estimate, like the uses it is weighed against
        boolean ownUse = promo != null && req.redemptionReference() != null
                && PromoStore.redeemed(dsl, promo.code(), req.redemptionReference());
        var catalogue = new Catalogue(
                RateCardStore.inEffect(dsl, types, TripTime.tripDate(req.startAt(), settings.zone())),
                names,
                amenityByCode,
                promo,
                ownUse);
        try {
            return PriceCalculator.calculate(req, catalogue, settings);
        } catch (PricingRejected e) {
            throw ApiException.validation(e.errors());
        }
    }
}
