package com.coachway.vendor.bidding;

import com.coachway.vendor.remote.Notifications;
import com.coachway.vendor.vendors.Vendor;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The emails bidding sends, with exactly the variables of notification-service's templates. */
final class BiddingEvents {
    static final String BID_REQUEST_TEMPLATE = "bid_request";
    static final String BID_AWARDED_TEMPLATE = "bid_awarded";

    private BiddingEvents() {
    }

    static Notifications.Email bidRequest(Vendor vendor, BidRequest r, ZoneId zone) {
        var data = new LinkedHashMap<String, Object>();
        data.put("vendor_name", vendor.name());
        data.put("reference", r.charterReference());
        data.put("passenger_count", r.passengerCount());
        data.put("pickup_at", BiddingRules.forPeople(r.pickupAt(), zone));
        data.put("respond_by", BiddingRules.forPeople(r.respondBy(), zone));
        return Notifications.Email.of(vendor.email(), BID_REQUEST_TEMPLATE, data);
    }

    static Notifications.Email bidAwarded(Vendor vendor, BidRequest r, BigDecimal amount, ZoneId zone) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("vendor_name", vendor.name());
        data.put("amount", amount.toPlainString());
        data.put("currency", "USD");
        data.put("reference", r.charterReference());
        data.put("pickup_at", BiddingRules.forPeople(r.pickupAt(), zone));
        return Notifications.Email.of(vendor.email(), BID_AWARDED_TEMPLATE, data);
    }
}
