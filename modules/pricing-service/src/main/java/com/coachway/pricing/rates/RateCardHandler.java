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

    private final RateCardActions actions;

    public RateCardHandler(RateCardActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var filter = new RateCardFilter(q.string("vehicle_type"), q.date("effective_on"));
        var page = q.page();
        q.validate();
        ctx.json(actions.list(filter, page));
    }

    public void get(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Rate card");
        ctx.json(actions.get(id));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String vehicleType = in.requiredString("vehicle_type");
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
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
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
        return in.requiredDecimal(field, 2);
    }

    private static BigDecimal hours(JsonInput in) {
        return in.requiredDecimal("minimum_hours", 1);
    }

    private static Integer miles(JsonInput in) {
        return in.requiredInt("included_miles_per_day");
    }
}
