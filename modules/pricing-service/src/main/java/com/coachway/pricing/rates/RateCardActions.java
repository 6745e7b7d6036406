package com.coachway.pricing.rates;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.pricing.vehicles.VehicleTypeStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The rate-card use cases. Cards of one vehicle type never overlap: every write takes the vehicle
 * type's row lock first, then checks the dates, then writes, in one transaction.
 */
public final class RateCardActions {
    private static final Logger log = LoggerFactory.getLogger(RateCardActions.class);

    private final DSLContext dsl;

    public RateCardActions(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Page<RateCard> list(RateCardFilter filter, PageRequest page) {
        return RateCardStore.list(dsl, filter, page);
    }

    public RateCard get(UUID id) {
        return RateCardStore.find(dsl, id).orElseThrow(() -> ApiException.notFound("Rate card"));
    }

    public RateCard create(String vehicleType, RateCardTerms terms) {
        UUID id = Ids.newId();
        RateCard created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (VehicleTypeStore.lock(tx, vehicleType).isEmpty()) {
                throw ApiException.validation(List.of(new FieldError("vehicle_type", "is not a known vehicle type")));
            }
            rejectOverlap(tx, vehicleType, terms.effectiveFrom(), terms.effectiveTo(), null);
            RateCardStore.insert(tx, id, vehicleType, terms);
            return RateCardStore.find(tx, id).orElseThrow();
        });
        log.info("rate card {} for {} from {} created", id, vehicleType, terms.effectiveFrom());
        return created;
    }

    /**
     * A patch: null terms in {@code change} keep their value, except that {@code effective_to} is
     * replaced (null = open-ended) when {@code effectiveToGiven}.
     */
    public RateCard update(UUID id, int version, RateCardTerms change, boolean effectiveToGiven) {
        RateCard updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            RateCard before = RateCardStore.lock(tx, id).orElseThrow(() -> ApiException.notFound("Rate card"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            var terms = new RateCardTerms(
                    or(change.hourlyRate(), before.hourlyRate()), or(change.minimumHours(), before.minimumHours()),
                    or(change.perMileRate(), before.perMileRate()), or(change.dailyRate(), before.dailyRate()),
                    or(change.includedMilesPerDay(), before.includedMilesPerDay()),
                    or(change.driverOvernightFee(), before.driverOvernightFee()),
                    or(change.extraDriverHourlyRate(), before.extraDriverHourlyRate()),
                    or(change.effectiveFrom(), before.effectiveFrom()),
                    effectiveToGiven ? change.effectiveTo() : before.effectiveTo());
            if (terms.effectiveTo() != null && terms.effectiveTo().isBefore(terms.effectiveFrom())) {
                throw ApiException.validation(List.of(new FieldError(effectiveToGiven ? "effective_to" : "effective_from",
                        "the card would end (" + terms.effectiveTo() + ") before it starts (" + terms.effectiveFrom() + ")")));
            }
            VehicleTypeStore.lock(tx, before.vehicleType());
            rejectOverlap(tx, before.vehicleType(), terms.effectiveFrom(), terms.effectiveTo(), id);
            RateCardStore.update(tx, id, terms);
            return RateCardStore.find(tx, id).orElseThrow();
        });
        log.info("rate card {} changed to version {}", id, updated.version());
        return updated;
    }

    private static void rejectOverlap(DSLContext tx, String vehicleType, LocalDate from, LocalDate to, UUID exceptId) {
        RateCardStore.overlapping(tx, vehicleType, from, to, exceptId).ifPresent(other -> {
            throw ApiException.conflict("The dates overlap rate card " + other.id() + " of " + vehicleType + " (effective "
                    + other.effectiveFrom() + " to " + (other.effectiveTo() == null ? "open-ended" : other.effectiveTo())
                    + "); end that card first");
        });
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
