package com.coachway.portals.vendor;


import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The vendor portal's answers. A null section is one whose service was unavailable (named in unavailable). */
public final class VendorPages {
    private VendorPages() {
    }

    public record Overview(UUID vendorId, Map<String, Object> vendor, Map<String, Object> compliance, Integer openBidRequests, List<Trip> upcomingTrips,
                           BigDecimal openBillsBalance, List<String> unavailable) {
    }

    public record Trip(Map<String, Object> bidRequest, Map<String, Object> bid) {
    }

    public record Trips(List<Trip> items, int limit, int offset, String next, List<String> unavailable) {
    }

    public record BidRequestItem(Map<String, Object> bidRequest, Map<String, Object> ownBid) {
    }

    public record BidRequests(List<BidRequestItem> items, Integer total, int limit, int offset, String next, List<String> unavailable) {
    }

    public record Bills(List<Map<String, Object>> items, Integer total, int limit, int offset, String next, List<String> unavailable) {
    }

    public record Compliance(Map<String, Object> compliance, List<Map<String, Object>> documents, List<String> unavailable) {
    }

    /** A bid as vendor-service answered it, and whether it was the vendor's first on the request. */
    public record Placed(Map<String, Object> bid, boolean created) {
    }
}
