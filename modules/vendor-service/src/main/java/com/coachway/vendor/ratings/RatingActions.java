package com.coachway.vendor.ratings;

import com.coachway.common.http.FieldError;
import com.coachway.vendor.remote.CharterDirectory;
import com.coachway.vendor.remote.CharterDirectory.CharterInfo;
import java.util.List;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.vendor.access.VendorScope;
import com.coachway.vendor.vendors.VendorStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Ratings of vendors' trips, one per vendor and charter, and the vendor's performance figures. */
public final class RatingActions {
    private static final Logger log = LoggerFactory.getLogger(RatingActions.class);

    private final DSLContext dsl;
    private final RatingStore ratings;
    private final VendorStore vendors;
    private final CharterDirectory charters;
    private final Clock clock;

    public RatingActions(DSLContext dsl, RatingStore ratings, VendorStore vendors, CharterDirectory charters, Clock clock) {
        this.dsl = dsl;
        this.ratings = ratings;
        this.vendors = vendors;
        this.charters = charters;
        this.clock = clock;
    }

    public Page<Rating> list(VendorScope scope, UUID vendorId, PageRequest page) {
        if (!vendors.exists(dsl, scope, vendorId)) throw ApiException.notFound("Vendor");
        return ratings.list(dsl, vendorId, page);
    }

    public Performance performance(VendorScope scope, UUID vendorId) {
        if (!vendors.exists(dsl, scope, vendorId)) throw ApiException.notFound("Vendor");
        return ratings.performance(dsl, vendorId);
    }

    /**
     * A trip is rated against the vendor charter-service says ran it (the award recorded it), read
     * before the transaction: so a rating, and the performance figures made of ratings, only ever
     * count the vendor's own trips.
     */
    public Rating rate(Caller caller, UUID vendorId, RatingStore.Values values, String key, String fingerprint) {
        if (!vendors.exists(dsl, VendorScope.all(), vendorId)) throw ApiException.notFound("Vendor");
        CharterInfo charter = charters.charter(values.charterId()).orElseThrow(() -> ApiException.validation(
                List.of(new FieldError("charter_id", "is not a charter of charter-service"))));
        if (!vendorId.equals(charter.vendorId())) {
            throw ApiException.conflict("Charter " + charter.reference() + " was not awarded to this vendor"
                    + (charter.vendorId() == null ? " (it has no vendor)" : ""));
        }
        UUID id = Ids.newId();
        Rating rated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (!vendors.exists(tx, VendorScope.all(), vendorId)) throw ApiException.notFound("Vendor");
            if (ratings.insertIfFirst(tx, id, vendorId, values, key, fingerprint, caller.subject(), OffsetDateTime.now(clock))) {
                return ratings.find(tx, id).orElseThrow();
            }
            var earlier = ratings.of(tx, vendorId, values.charterId()).orElseThrow();
            if (key != null && key.equals(earlier.key()) && fingerprint.equals(earlier.fingerprint())) return earlier.rating();
            throw ApiException.conflict("The vendor's trip for charter " + values.charterId() + " is already rated");
        });
        log.info("vendor {} rated {} for charter {} by {}", vendorId, rated.score(), rated.charterId(), caller.subject());
        return rated;
    }
}
