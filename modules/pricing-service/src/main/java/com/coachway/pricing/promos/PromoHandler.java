package com.coachway.pricing.promos;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.pricing.BusinessDates;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Promo codes: reads and validate [staff, service], writes [manager], redemptions [service]. */
public final class PromoHandler {

    private final PromoActions actions;

    public PromoHandler(PromoActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        Boolean active = q.bool("active");
        String text = q.string("q");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(active, text, page));
    }

    public void get(Context ctx) {
        ctx.json(actions.get(ctx.pathParam("code")));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String raw = in.requiredString("code");
        String description = in.optionalString("description");
        String type = in.requiredString("discount_type");
        BigDecimal value = in.requiredDecimal("discount_value", 2);
        LocalDate from = BusinessDates.check(in, "valid_from", in.optionalDate("valid_from"));
        LocalDate to = BusinessDates.check(in, "valid_to", in.optionalDate("valid_to"));
        Integer maxUses = in.optionalInt("max_uses");
        BigDecimal minSubtotal = in.optionalDecimal("min_subtotal", 2);
        Boolean active = in.optionalBool("active");
        var values = new PromoValues(description == null ? "" : description, type, value, from, to, maxUses,
                minSubtotal == null ? BigDecimal.ZERO.setScale(2) : minSubtotal, active == null || active);
        PromoRules.inconsistencies(values).forEach(e -> in.error(e.field(), e.message()));
        in.validate();

        PromoCode created = actions.create(raw, values);
        ctx.status(201).header("Location", "/promo-codes/" + created.code()).json(created);
    }

    public void update(Context ctx) {
        String code = ctx.pathParam("code");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        // a description may be emptied with "" or null
        String description = in.has("description") ? Objects.requireNonNullElse(in.optionalString("description"), "") : null;
        String type = in.has("discount_type") ? in.requiredString("discount_type") : null;
        BigDecimal value = in.has("discount_value") ? in.requiredDecimal("discount_value", 2) : null;
        LocalDate from = BusinessDates.check(in, "valid_from", in.optionalDate("valid_from"));
        LocalDate to = BusinessDates.check(in, "valid_to", in.optionalDate("valid_to"));
        Integer maxUses = in.optionalInt("max_uses");
        BigDecimal minSubtotal = in.has("min_subtotal") ? in.requiredDecimal("min_subtotal", 2) : null;
        Boolean active = in.has("active") ? in.requiredBool("active") : null;
        in.validate();

        // absent fields keep their value; the optional limits are cleared with an explicit null
        var change = new PromoActions.Change(description, type, value, from, in.has("valid_from"), to, in.has("valid_to"),
                maxUses, in.has("max_uses"), minSubtotal, active);
        ctx.json(actions.update(code, version, change));
    }

    /** 200 with the verdict for any well-formed request. */
    public void validate(Context ctx) {
        var in = JsonInput.of(ctx);
        String raw = in.requiredString("code");
        BigDecimal subtotal = in.requiredDecimal("subtotal", 2);
        LocalDate tripDate = BusinessDates.check(in, "trip_date", in.requiredDate("trip_date"));
        in.validate();
        ctx.json(actions.validate(raw, subtotal, tripDate));
    }

    public void redeem(Context ctx) {
        String code = ctx.pathParam("code");
        var in = JsonInput.of(ctx);
        String reference = in.requiredString("reference");
        LocalDate tripDate = BusinessDates.check(in, "trip_date", in.optionalDate("trip_date"));
        in.validate();
        PromoActions.Redeemed outcome = actions.redeem(code, reference, tripDate);
        ctx.status(outcome.counted() ? 201 : 200).json(outcome.redemption());
    }

    public void release(Context ctx) {
        String code = ctx.pathParam("code");
        String reference = ctx.pathParam("reference");
        if (reference.isBlank() || reference.length() > 100) throw ApiException.notFound("Redemption");
        actions.release(code, reference);
        ctx.status(204);
    }

    public void redemptions(Context ctx) {
        String code = ctx.pathParam("code");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(actions.redemptions(code, page));
    }
}
