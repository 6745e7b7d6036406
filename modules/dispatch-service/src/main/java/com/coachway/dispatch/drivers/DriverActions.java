package com.coachway.dispatch.drivers;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** Registering and changing drivers. A licence (state and number, any case) belongs to one driver. */
public final class DriverActions {
    private static final Logger log = LoggerFactory.getLogger(DriverActions.class);

    private final DSLContext dsl;
    private final DriverStore drivers;
    private final Clock clock;

    public DriverActions(DSLContext dsl, DriverStore drivers, Clock clock) {
        this.dsl = dsl;
        this.drivers = drivers;
        this.clock = clock;
    }

    public Driver get(UUID id) {
        return drivers.find(dsl, id).orElseThrow(() -> ApiException.notFound("Driver"));
    }

    public Page<Driver> list(DriverStore.Filter filter, PageRequest page) {
        return drivers.list(dsl, filter, page);
    }

    public Driver create(Caller caller, DriverValues values) {
        DriverValues v = normalized(values);
        UUID id = Ids.newId();
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            refuseTakenLicense(tx, v, null);
            drivers.insert(tx, id, v, OffsetDateTime.now(clock));
        });
        log.info("driver {} registered by {}", id, caller.subject());
        return get(id);
    }

    public Driver update(Caller caller, UUID id, int version, DriverPatch patch) {
        Driver changed = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Driver before = drivers.lock(tx, id).orElseThrow(() -> ApiException.notFound("Driver"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            DriverValues v = normalized(patch.applyTo(before));
            refuseTakenLicense(tx, v, id);
            drivers.update(tx, id, version, v, OffsetDateTime.now(clock));
            return drivers.find(tx, id).orElseThrow();
        });
        log.info("driver {} changed to version {} by {}", id, changed.version(), caller.subject());
        return changed;
    }

    private void refuseTakenLicense(DSLContext tx, DriverValues v, UUID exceptId) {
        if (drivers.licenseTaken(tx, v.licenseState(), v.licenseNumber(), exceptId)) {
            throw ApiException.conflict("Another driver holds licence " + v.licenseNumber() + " of " + v.licenseState());
        }
    }

    /** Licence numbers are compared and kept upper-case, so "d123" and "D123" are one licence. */
    private static DriverValues normalized(DriverValues v) {
        return new DriverValues(v.name(), v.phone(), v.email(), v.vendorId(), v.licenseNumber().toUpperCase(Locale.ROOT),
                v.licenseState(), v.licenseClass(), v.passengerEndorsement(), v.licenseExpiresOn(), v.medicalCardExpiresOn(),
                v.status());
    }
}
