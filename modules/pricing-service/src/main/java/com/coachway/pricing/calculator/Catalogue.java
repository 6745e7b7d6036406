package com.coachway.pricing.calculator;

import com.coachway.pricing.amenities.Amenity;
import com.coachway.pricing.promos.PromoCode;
import com.coachway.pricing.rates.RateCard;

import java.util.Map;

/**
 * The snapshot of stored data one quote is priced from: the rate card in effect on the trip date
 * per vehicle type, display names of the types, the requested amenities, and the promo code
 * (null when none was asked for or it does not exist). A missing entry is reported, not assumed.
 * {@code promoRedeemedForRequest}: one of the code's counted uses is the request's own (its
 * {@code redemption_reference} holds a redemption of the code), so it is not held against max_uses.
 */
public record Catalogue(Map<String, RateCard> rateCards, Map<String, String> vehicleNames,
                        Map<String, Amenity> amenities, PromoCode promo, boolean promoRedeemedForRequest) {

    public Catalogue(Map<String, RateCard> rateCards, Map<String, String> vehicleNames, Map<String, Amenity> amenities, PromoCode promo) {
        this(rateCards, vehicleNames, amenities, promo, false);
    }
}
