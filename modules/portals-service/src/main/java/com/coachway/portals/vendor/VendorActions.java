package com.coachway.portals.vendor;

import com.coachway.common.client.ServiceCallException;
import com.coachway.portals.access.PortalUser;
import com.coachway.portals.access.Tenancy;
import com.coachway.portals.downstream.Downstream;
import com.coachway.portals.downstream.Fanout;
import com.coachway.portals.downstream.Items;
import com.coachway.portals.downstream.Neighbours;
import com.coachway.portals.downstream.Paging;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static com.coachway.common.client.ServiceClient.encode;

/**
 * The vendor portal: its profile and compliance, bid requests and its bids, the trips awarded to
 * it and its bills, read from vendor- and finance-service with the vendor user's token; a bid is
 * forwarded to vendor-service. No state of our own.
 */
public final class VendorActions {
    static final String VENDOR = "vendor";
    static final String COMPLIANCE = "compliance";
    static final String BID_REQUESTS = "bid_requests";
    static final String BIDS = "bids";
    static final String TRIPS = "trips";
    static final String VENDOR_PAYMENTS = "vendor_payments";
    /** The vendor's newest trips (requests awarded to it) the overview looks at for upcoming ones. */
    public static final int CLOSED_REQUESTS = 100;
    private static final Set<String> OPEN_BILL = Set.of("open", "partially_paid");

    private final Neighbours neighbours;
    private final Fanout fanout;
    private final Clock clock;

    public VendorActions(Neighbours neighbours, Fanout fanout, Clock clock) {
        this.neighbours = neighbours;
        this.fanout = fanout;
        this.clock = clock;
    }

    public record BidInput(BigDecimal amount, String vehicleType, String notes) {
    }

    public VendorPages.Overview overview(PortalUser user) {
        var n = neighbours.as(user.token());
        UUID vendorId = user.vendorId();
        var calls = fanout.start();
        var vendor = calls.fork(VENDOR, () -> n.vendors().get("/vendors/" + vendorId, Items.RECORD));
        var compliance = calls.fork(COMPLIANCE, () -> n.vendors().get("/vendors/" + vendorId + "/compliance", Items.RECORD));
        var open = calls.fork(BID_REQUESTS, () -> n.vendors().get("/bid-requests?status=open&limit=1", Items.RECORD));
        var closed = calls.fork(TRIPS, () -> n.vendors().get(wonBy(vendorId) + "&limit=" + CLOSED_REQUESTS, Items.RECORD));
        var bills = calls.fork(VENDOR_PAYMENTS, () -> n.finance().get("/bills?limit=200", Items.RECORD));
        calls.join();

        List<VendorPages.Trip> upcoming = closed.value()
                .map(list -> awarded(n, vendorId, calls.next(), list).stream().filter(this::upcoming).toList())
                .orElse(null);
        BigDecimal owed = bills.value().map(list -> Tenancy.keepOwn(Items.of(list), "vendor_id", vendorId, "bill").stream()
                .filter(b -> OPEN_BILL.contains(Items.text(b, "status")))
                .map(b -> Items.money(b, "balance"))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add)).orElse(null);
        return new VendorPages.Overview(vendorId,
                vendor.value().filter(v -> Tenancy.isOwn(v, "id", vendorId, "vendor")).orElse(null),
                compliance.value().filter(c -> Tenancy.isOwn(c, "vendor_id", vendorId, "compliance")).orElse(null),
                open.value().map(Items::total).orElse(null), upcoming, owed, calls.unavailable());
    }

    private boolean upcoming(VendorPages.Trip trip) {
        OffsetDateTime pickup = Items.time(trip.bidRequest(), "pickup_at");
        return pickup != null && !pickup.toInstant().isBefore(clock.instant());
    }

    /** vendor-service's closed requests awarded to this vendor's bid: its trips. */
    private static String wonBy(UUID vendorId) {
        return "/bid-requests?status=closed&awarded_vendor_id=" + vendorId;
    }

    /**
     * Of these closed requests, those whose awarded bid is the vendor's own, soonest pickup first.
     * vendor-service shows a vendor only its own bids, so asking each request for its awarded bid
     * answers an empty list unless the vendor won it.
     */
    private static List<VendorPages.Trip> awarded(Neighbours n, UUID vendorId, Fanout.Calls round, Map<String, Object> closedRequests) {
        var asked = new LinkedHashMap<Map<String, Object>, Fanout.Part<Map<String, Object>>>();
        for (Map<String, Object> request : Items.of(closedRequests)) {
            if (!"closed".equals(Items.text(request, "status")) || Items.text(request, "awarded_bid_id") == null) continue;
            String id = Items.text(request, "id");
            asked.put(request, round.fork(TRIPS, () -> n.vendors().get("/bid-requests/" + id + "/bids?status=awarded&limit=1", Items.RECORD)));
        }
        round.join();
        var trips = new ArrayList<VendorPages.Trip>();
        asked.forEach((request, bids) -> bids.value().ifPresent(list -> Tenancy.keepOwn(Items.of(list), "vendor_id", vendorId, "bid").stream()
                .filter(b -> Objects.equals(Items.text(b, "id"), Items.text(request, "awarded_bid_id")))
                .findFirst()
                .ifPresent(bid -> trips.add(new VendorPages.Trip(request, bid)))));
        trips.sort(Comparator.comparing(t -> Objects.requireNonNullElse(Items.time(t.bidRequest(), "pickup_at"), OffsetDateTime.MAX)));
        return trips;
    }

    /**
     * One page of the requests vendor-service says were awarded to this vendor, newest first, each
     * with its awarded bid (checked to be the vendor's own); the page's cursor is vendor-service's.
     */
    public VendorPages.Trips trips(PortalUser user, boolean upcomingOnly, Paging paging) {
        var n = neighbours.as(user.token());
        var calls = fanout.start();
        // primary: a cursor vendor-service refuses is the caller's 400, not an outage
        var closed = calls.primary(TRIPS, () -> n.vendors().get(wonBy(user.vendorId()) + "&" + paging.query(), Items.RECORD));
        calls.join();
        if (closed.value().isEmpty()) return new VendorPages.Trips(null, paging.limit(), paging.offset(), null, calls.unavailable());
        Map<String, Object> page = closed.value().get();
        List<VendorPages.Trip> trips = awarded(n, user.vendorId(), calls.next(), page);
        if (upcomingOnly) trips = trips.stream().filter(this::upcoming).toList();
        return new VendorPages.Trips(trips, paging.limit(), paging.offset(), Items.text(page, "next"), calls.unavailable());
    }

    /** The requests (vendor-service shows every vendor the same ones), each with the vendor's own bid on it. */
    public VendorPages.BidRequests bidRequests(PortalUser user, String status, Paging paging) {
        var n = neighbours.as(user.token());
        String query = "/bid-requests?status=" + encode(status) + "&" + paging.query();
        var calls = fanout.start();
        var list = calls.primary(BID_REQUESTS, () -> n.vendors().get(query, Items.RECORD));
        calls.join();
        int limit = paging.limit();
        if (list.value().isEmpty()) return new VendorPages.BidRequests(null, null, limit, paging.offset(), null, calls.unavailable());
        Map<String, Object> page = list.value().get();
        var round = calls.next();
        var bids = new LinkedHashMap<Map<String, Object>, Fanout.Part<Map<String, Object>>>();
        // held to the status asked for here too, as every list a portal shows is held to what it asked
        for (Map<String, Object> request : Items.of(page)) {
            if (!status.equals(Items.text(request, "status"))) continue;
            String id = Items.text(request, "id");
            bids.put(request, round.fork(BIDS, () -> n.vendors().get("/bid-requests/" + id + "/bids?limit=1", Items.RECORD)));
        }
        round.join();
        var items = new ArrayList<VendorPages.BidRequestItem>();
        bids.forEach((request, own) -> items.add(new VendorPages.BidRequestItem(request, own.value()
                .flatMap(b -> Tenancy.keepOwn(Items.of(b), "vendor_id", user.vendorId(), "bid").stream()
                        .filter(bid -> Objects.equals(Items.text(bid, "bid_request_id"), Items.text(request, "id")))
                        .findFirst())
                .orElse(null))));
        return new VendorPages.BidRequests(items, Items.total(page), limit, paging.offset(), Items.text(page, "next"), round.unavailable());
    }

    /**
     * vendor-service answers 201 for a vendor's first bid on a request and 200 when it changes
     * that bid; our client sees only the body, where a new bid's created_at equals its updated_at.
     */
    public VendorPages.Placed bid(PortalUser user, UUID requestId, BidInput input, String idempotencyKey) {
        var body = new LinkedHashMap<String, Object>();
        body.put("amount", input.amount());
        body.put("vehicle_type", input.vehicleType());
        if (input.notes() != null) body.put("notes", input.notes());
        try {
            Map<String, Object> bid = neighbours.as(user.token()).vendors().send("POST", "/bid-requests/" + requestId + "/bids", body, Items.RECORD_TYPE, idempotencyKey);
            boolean created = Objects.equals(Items.text(bid, "created_at"), Items.text(bid, "updated_at"));
            return new VendorPages.Placed(bid, created);
        } catch (ServiceCallException e) {
            throw Downstream.ofWrite(e);
        }
    }

    public VendorPages.Bills bills(PortalUser user, String status, Paging paging) {
        var n = neighbours.as(user.token());
        String query = "/bills?" + paging.query() + (status == null ? "" : "&status=" + encode(status));
        var calls = fanout.start();
        var list = calls.primary(VENDOR_PAYMENTS, () -> n.finance().get(query, Items.RECORD));
        calls.join();
        int limit = paging.limit();
        if (list.value().isEmpty()) return new VendorPages.Bills(null, null, limit, paging.offset(), null, calls.unavailable());
        Map<String, Object> page = list.value().get();
        List<Map<String, Object>> all = Items.of(page);
        List<Map<String, Object>> own = Tenancy.keepOwn(all, "vendor_id", user.vendorId(), "bill");
        Integer total = Items.total(page);
        return new VendorPages.Bills(own, total == null ? null : total - (all.size() - own.size()), limit, paging.offset(), Items.text(page, "next"),
                calls.unavailable());
    }

    public VendorPages.Compliance compliance(PortalUser user) {
        var n = neighbours.as(user.token());
        UUID vendorId = user.vendorId();
        var calls = fanout.start();
        var today = calls.fork(COMPLIANCE, () -> n.vendors().get("/vendors/" + vendorId + "/compliance", Items.RECORD));
        var documents = calls.fork(COMPLIANCE, () -> n.vendors().get("/vendors/" + vendorId + "/compliance-documents?limit=200", Items.RECORD));
        calls.join();
        return new VendorPages.Compliance(
                today.value().filter(c -> Tenancy.isOwn(c, "vendor_id", vendorId, "compliance")).orElse(null),
                documents.value().map(d -> Tenancy.keepOwn(Items.of(d), "vendor_id", vendorId, "compliance document")).orElse(null),
                calls.unavailable());
    }
}
