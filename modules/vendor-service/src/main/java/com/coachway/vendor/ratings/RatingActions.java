package com.coachway.vendor.ratings;

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
    private final Clock clock;

    public RatingActions(DSLContext dsl, RatingStore ratings, VendorStore vendors, Clock clock) {
        this.dsl = dsl;
        this.ratings = ratings;
        this.vendors = vendors;
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

    public Rating rate(Caller caller, UUID vendorId, RatingStore.Values values, String key, String fingerprint) {
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
