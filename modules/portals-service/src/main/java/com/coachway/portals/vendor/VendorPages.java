package com.coachway.portals.vendor;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The vendor portal's answers. A null section is one whose service was unavailable (named in unavailable). */
public final class VendorPages {
    private VendorPages() {
    }

    public record Overview(UUID vendorId, JsonNode vendor, JsonNode compliance, Integer openBidRequests, List<Trip> upcomingTrips,
                           BigDecimal openBillsBalance, List<String> unavailable) {
    }

    public record Trip(JsonNode bidRequest, JsonNode bid) {
    }

    public record Trips(List<Trip> items, List<String> unavailable) {
    }

    public record BidRequestItem(JsonNode bidRequest, JsonNode ownBid) {
    }

    public record BidRequests(List<BidRequestItem> items, Integer total, int limit, String next, List<String> unavailable) {
    }

    public record Bills(List<JsonNode> items, Integer total, int limit, String next, List<String> unavailable) {
    }

    public record Compliance(JsonNode compliance, List<JsonNode> documents, List<String> unavailable) {
    }

    /** A bid as vendor-service answered it, and whether it was the vendor's first on the request. */
    public record Placed(JsonNode bid, boolean created) {
    }
}
