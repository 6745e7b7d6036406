package com.coachway.pricing.rates;

import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.pricing.BusinessDates;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Rate cards: reads [staff, service], writes [manager]. */
public final class RateCardHandler {
    private static final BigDecimal MAX_RATE = new BigDecimal("100000");
    private static final String[] TERMS = {"hourly_rate", "minimum_hours", "per_mile_rate", "daily_rate",
            "included_miles_per_day", "driver_overnight_fee", "extra_driver_hourly_rate", "effective_from", "effective_to"};

    private final RateCardActions actions;

    public RateCardHandler(RateCardActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var filter = new RateCardFilter(q.string("vehicle_type", 50), q.date("effective_on"));
        var page = q.page();
        q.validate();
        ctx.json(actions.list(filter, page));
    }

    public void get(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Rate card");
        ctx.json(actions.get(id));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx).allowOnly(concat("vehicle_type", TERMS));
        String vehicleType = in.requiredString("vehicle_type", 50);
        LocalDate from = BusinessDates.check(in, "effective_from", in.requiredDate("effective_from"));
        LocalDate to = BusinessDates.check(in, "effective_to", in.optionalDate("effective_to"));
        var terms = new RateCardTerms(rate(in, "hourly_rate"), hours(in), rate(in, "per_mile_rate"), rate(in, "daily_rate"),
                miles(in), rate(in, "driver_overnight_fee"), rate(in, "extra_driver_hourly_rate"), from, to);
        if (from != null && to != null && to.isBefore(from)) in.error("effective_to", "must be on or after effective_from");
        in.validate();

        RateCard created = actions.create(vehicleType, terms);
        ctx.status(201).header("Location", "/rates/" + created.id()).json(created);
    }

    public void update(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Rate card");
        var in = JsonInput.of(ctx).allowOnly(concat("version", concat("vehicle_type", TERMS)));
        if (in.has("vehicle_type")) in.error("vehicle_type", "cannot change; create a card for the other vehicle type");
        Integer version = in.requiredInt("version", 1, Integer.MAX_VALUE);
        // absent fields (null here) keep their value; effective_to may be cleared with an explicit null
        var change = new RateCardTerms(
                in.has("hourly_rate") ? rate(in, "hourly_rate") : null,
                in.has("minimum_hours") ? hours(in) : null,
                in.has("per_mile_rate") ? rate(in, "per_mile_rate") : null,
                in.has("daily_rate") ? rate(in, "daily_rate") : null,
                in.has("included_miles_per_day") ? miles(in) : null,
                in.has("driver_overnight_fee") ? rate(in, "driver_overnight_fee") : null,
                in.has("extra_driver_hourly_rate") ? rate(in, "extra_driver_hourly_rate") : null,
                in.has("effective_from") ? BusinessDates.check(in, "effective_from", in.requiredDate("effective_from")) : null,
                BusinessDates.check(in, "effective_to", in.optionalDate("effective_to")));
        in.validate();

        RateCard updated = actions.update(id, version, change, in.has("effective_to"));
        ctx.json(updated);
    }

    private static BigDecimal rate(JsonInput in, String field) {
        return in.requiredDecimal(field, 2, BigDecimal.ZERO, MAX_RATE);
    }

    private static BigDecimal hours(JsonInput in) {
        return in.requiredDecimal("minimum_hours", 1, BigDecimal.ZERO, new BigDecimal("24"));
    }

    private static Integer miles(JsonInput in) {
        return in.requiredInt("included_miles_per_day", 0, 5000);
    }

    private static String[] concat(String first, String[] rest) {
        var out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
