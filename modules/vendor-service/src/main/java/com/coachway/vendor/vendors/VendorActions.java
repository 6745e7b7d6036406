package com.coachway.vendor.vendors;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.vendor.access.VendorScope;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Vendor profiles and their approval. */
public final class VendorActions {
    private static final Logger log = LoggerFactory.getLogger(VendorActions.class);

    private final DSLContext dsl;
    private final VendorStore vendors;
    private final Clock clock;

    public VendorActions(DSLContext dsl, VendorStore vendors, Clock clock) {
        this.dsl = dsl;
        this.vendors = vendors;
        this.clock = clock;
    }

    public Page<Vendor> list(VendorStore.Filter filter, PageRequest page) {
        return vendors.list(dsl, filter, page);
    }

    public Vendor get(VendorScope scope, UUID id) {
        return vendors.find(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Vendor"));
    }

    public Vendor create(Caller caller, VendorStore.Values values) {
        UUID id = Ids.newId();
        Vendor created = dsl.transactionResult(c -> {
            vendors.insert(c.dsl(), id, values, OffsetDateTime.now(clock));
            return vendors.find(c.dsl(), VendorScope.all(), id).orElseThrow();
        });
        log.info("vendor {} ({}) added by {}", id, values.name(), caller.subject());
        return created;
    }

    /** Applies the patch under the row lock if still at {@code version}; a status change must be a legal step. */
    public Vendor update(Caller caller, UUID id, int version, VendorPatch patch) {
        Vendor updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Vendor before = vendors.lock(tx, id).orElseThrow(() -> ApiException.notFound("Vendor"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            var after = patch.applyTo(before);
            if (!after.status().equals(before.status())) {
                VendorStatus.of(before.status()).refusal(VendorStatus.of(after.status())).ifPresent(why -> {
                    throw ApiException.conflict(why);
                });
            } else if (patch.present().equals(java.util.Set.of("status"))) {
                // a status change to where it already is changes nothing: say so (restating it beside other changes is fine)
                throw ApiException.conflict("The vendor is already " + before.status());
            }
            vendors.update(tx, id, after, OffsetDateTime.now(clock));
            return vendors.find(tx, VendorScope.all(), id).orElseThrow();
        });
        log.info("vendor {} changed by {} (status {})", id, caller.subject(), updated.status());
        return updated;
    }
}
