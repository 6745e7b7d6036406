package com.coachway.vendor.bidding;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.outbox.Outbox;
import com.coachway.vendor.compliance.ComplianceActions;
import com.coachway.vendor.remote.CharterDirectory;
import com.coachway.vendor.remote.CharterDirectory.CharterInfo;
import com.coachway.vendor.remote.Notifications;
import com.coachway.vendor.vendors.Vendor;
import com.coachway.vendor.vendors.VendorStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Opening bid requests: the charter is read from charter-service before the transaction; the
 * request and one email per approved, compliant vendor (serving the request's state, if it names
 * one) are written together, so the emails go out if and only if the request exists.
 */
public final class BidRequestActions {
    private static final Logger log = LoggerFactory.getLogger(BidRequestActions.class);

    private final DSLContext dsl;
    private final BidRequestStore requests;
    private final VendorStore vendors;
    private final ComplianceActions compliance;
    private final CharterDirectory charters;
    private final Outbox outbox;
    private final ZoneId zone;
    private final Clock clock;

    public BidRequestActions(DSLContext dsl, BidRequestStore requests, VendorStore vendors, ComplianceActions compliance,
                             CharterDirectory charters, Outbox outbox, ZoneId zone, Clock clock) {
        this.dsl = dsl;
        this.requests = requests;
        this.vendors = vendors;
        this.compliance = compliance;
        this.charters = charters;
        this.outbox = outbox;
        this.zone = zone;
        this.clock = clock;
    }

    public Page<BidRequest> list(BidRequestStore.Filter filter, PageRequest page) {
        return requests.list(dsl, filter, page);
    }

    public BidRequest get(UUID id) {
        return requests.find(dsl, id).orElseThrow(() -> ApiException.notFound("Bid request"));
    }

    /** What the dispatcher asks; null times default to the charter's. */
    public record Opening(UUID charterId, String vehicleType, int quantity, OffsetDateTime pickupAt, boolean hasReturnAt,
                          OffsetDateTime returnAt, String summary, String serviceState, OffsetDateTime respondBy) {
    }

    public BidRequest open(Caller caller, Opening o, String key, String fingerprint) {
        if (key != null) {
            var earlier = requests.byKey(dsl, caller.subject(), key);
            if (earlier.isPresent()) return again(earlier.get(), fingerprint);
        }
        CharterInfo charter = charters.charter(o.charterId()).orElseThrow(() -> ApiException.validation(
                List.of(new FieldError("charter_id", "is not a charter of charter-service"))));
        requireAwardable(charter);
        if (charter.vendorId() != null) throw ApiException.conflict("The charter is already awarded to vendor " + charter.vendorId());
        OffsetDateTime pickupAt = o.pickupAt() != null ? o.pickupAt() : charter.pickupAt();
        OffsetDateTime returnAt = o.hasReturnAt() ? o.returnAt() : charter.returnAt();
        OffsetDateTime now = OffsetDateTime.now(clock);
        BiddingRules.respondByProblem(o.respondBy(), pickupAt, now).ifPresent(p -> {
            throw ApiException.validation(List.of(new FieldError("respond_by", p)));
        });
        if (returnAt != null && !returnAt.isAfter(pickupAt)) {
            throw ApiException.validation(List.of(new FieldError("return_at", "must be after pickup_at")));
        }
        var values = new BidRequestStore.Values(charter.id(), charter.reference(),
                charter.passengerCount() == null ? 0 : charter.passengerCount(), o.vehicleType(), o.quantity(), pickupAt,
                returnAt, o.summary(), o.serviceState(), o.respondBy());

        UUID id = Ids.newId();
        int[] invited = {0};
        BidRequest opened = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            // the partial unique index decides a race; this names the usual case clearly
            if (requests.openFor(tx, charter.id())) {
                throw ApiException.conflict("The charter already has an open bid request; award or wait for it");
            }
            requests.insert(tx, id, values, caller.subject(), key, fingerprint, now);
            BidRequest request = requests.find(tx, id).orElseThrow();
            List<Vendor> approved = vendors.approved(tx, o.serviceState());
            var status = compliance.of(tx, approved.stream().map(Vendor::id).toList());
            for (Vendor v : approved) {
                if (!status.get(v.id()).compliant()) continue;
                outbox.enqueue(tx, Notifications.TOPIC, BiddingEvents.bidRequest(v, request, zone));
                invited[0]++;
            }
            return request;
        });
        log.info("bid request {} opened for charter {} by {}; {} vendors invited", id, charter.id(), caller.subject(), invited[0]);
        return opened;
    }

    private BidRequest again(BidRequestStore.Keyed earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw ApiException.conflict("This Idempotency-Key was used for a different bid request");
        }
        return requests.find(dsl, earlier.id()).orElseThrow();
    }

    /** Only a sold, not yet run charter without a vendor takes bids. */
    static void requireAwardable(CharterInfo charter) {
        if (!charter.awardable()) {
            throw ApiException.conflict("The charter is " + charter.status() + "; vendors bid only on booked or confirmed charters");
        }
    }
}
