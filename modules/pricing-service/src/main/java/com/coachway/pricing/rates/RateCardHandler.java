package com.coachway.pricing.rates;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.pricing.vehicles.VehicleTypeStore;
import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Rate cards: reads [staff, service], writes [manager]. */
public final class RateCardHandler {
    private static final Logger log = LoggerFactory.getLogger(RateCardHandler.class);

    private final DSLContext dsl;
    private final RateCardStore rates;
    private final VehicleTypeStore vehicleTypes;

    public RateCardHandler(DSLContext dsl, RateCardStore rates, VehicleTypeStore vehicleTypes) {
        this.dsl = dsl;
        this.rates = rates;
        this.vehicleTypes = vehicleTypes;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var filter = new RateCardStore.Filter(q.string("vehicle_type", 50), q.date("effective_on"));
        var page = q.page();
        q.validate();
        ctx.json(rates.list(filter, page));
    }

    public void get(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Rate card");
        ctx.json(rates.find(id).orElseThrow(() -> ApiException.notFound("Rate card")));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String vehicleType = in.requiredString("vehicle_type");
        LocalDate from = in.requiredDate("effective_from");
        LocalDate to = in.optionalDate("effective_to");
        var terms = new RateCardStore.Terms(rate(in, "hourly_rate"), hours(in), rate(in, "per_mile_rate"), rate(in, "daily_rate"),
                miles(in), rate(in, "driver_overnight_fee"), rate(in, "extra_driver_hourly_rate"), from, to);
        if (from != null && to != null && to.isBefore(from)) in.error("effective_to", "must be on or after effective_from");
        in.validate();

        UUID id = Ids.newId();
        RateCard created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (vehicleTypes.lock(tx, vehicleType).isEmpty()) {
                throw ApiException.validation(List.of(new FieldError("vehicle_type", "is not a known vehicle type")));
            }
            rejectOverlap(tx, vehicleType, from, to, null);
            rates.insert(tx, id, vehicleType, terms);
            return rates.find(tx, id).orElseThrow();
        });
        log.info("rate card {} for {} from {} created", id, vehicleType, from);
        ctx.status(201).header("Location", "/rates/" + id).json(created);
    }

    public void update(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Rate card");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        // absent fields (null here) keep their value; effective_to may be cleared with an explicit null
        var change = new RateCardStore.Terms(
                in.has("hourly_rate") ? rate(in, "hourly_rate") : null,
                in.has("minimum_hours") ? hours(in) : null,
                in.has("per_mile_rate") ? rate(in, "per_mile_rate") : null,
                in.has("daily_rate") ? rate(in, "daily_rate") : null,
                in.has("included_miles_per_day") ? miles(in) : null,
                in.has("driver_overnight_fee") ? rate(in, "driver_overnight_fee") : null,
                in.has("extra_driver_hourly_rate") ? rate(in, "extra_driver_hourly_rate") : null,
                in.has("effective_from") ? in.requiredDate("effective_from") : null,
                in.optionalDate("effective_to"));
        in.validate();

        RateCard updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            RateCard before = rates.lock(tx, id).orElseThrow(() -> ApiException.notFound("Rate card"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            var terms = new RateCardStore.Terms(
                    or(change.hourlyRate(), before.hourlyRate()), or(change.minimumHours(), before.minimumHours()),
                    or(change.perMileRate(), before.perMileRate()), or(change.dailyRate(), before.dailyRate()),
                    or(change.includedMilesPerDay(), before.includedMilesPerDay()),
                    or(change.driverOvernightFee(), before.driverOvernightFee()),
                    or(change.extraDriverHourlyRate(), before.extraDriverHourlyRate()),
                    or(change.effectiveFrom(), before.effectiveFrom()),
                    in.has("effective_to") ? change.effectiveTo() : before.effectiveTo());
            if (terms.effectiveTo() != null && terms.effectiveTo().isBefore(terms.effectiveFrom())) {
                throw ApiException.validation(List.of(new FieldError(in.has("effective_to") ? "effective_to" : "effective_from",
                        "the card would end (" + terms.effectiveTo() + ") before it starts (" + terms.effectiveFrom() + ")")));
            }
            vehicleTypes.lock(tx, before.vehicleType());
            rejectOverlap(tx, before.vehicleType(), terms.effectiveFrom(), terms.effectiveTo(), id);
            rates.update(tx, id, terms);
            return rates.find(tx, id).orElseThrow();
        });
        log.info("rate card {} changed to version {}", id, updated.version());
        ctx.json(updated);
    }

    private void rejectOverlap(DSLContext tx, String vehicleType, LocalDate from, LocalDate to, UUID exceptId) {
        rates.overlapping(tx, vehicleType, from, to, exceptId).ifPresent(other -> {
            throw ApiException.conflict("The dates overlap rate card " + other.id() + " of " + vehicleType + " (effective "
                    + other.effectiveFrom() + " to " + (other.effectiveTo() == null ? "open-ended" : other.effectiveTo())
                    + "); end that card first");
        });
    }

    private static BigDecimal rate(JsonInput in, String field) {
        return in.requiredDecimal(field, 2);
    }

    private static BigDecimal hours(JsonInput in) {
        return in.requiredDecimal("minimum_hours", 1);
    }

    private static Integer miles(JsonInput in) {
        return in.requiredInt("included_miles_per_day");
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
