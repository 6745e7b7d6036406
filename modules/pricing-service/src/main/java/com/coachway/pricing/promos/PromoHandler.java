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
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal MAX_VALUE = new BigDecimal("100000");
    private static final BigDecimal MAX_MIN_SUBTOTAL = new BigDecimal("10000000");
    private static final BigDecimal MAX_SUBTOTAL = new BigDecimal("9999999999.99");
    private static final String[] FIELDS = {"code", "description", "discount_type", "discount_value", "valid_from", "valid_to",
            "max_uses", "min_subtotal", "active"};
    private static final List<String> TYPES = List.of(PromoCode.PERCENT, PromoCode.FIXED);

    private final PromoActions actions;

    public PromoHandler(PromoActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        Boolean active = q.bool("active");
        String text = q.string("q", 100);
        var page = q.page();
        q.validate();
        ctx.json(actions.list(active, text, page));
    }

    public void get(Context ctx) {
        ctx.json(actions.get(ctx.pathParam("code")));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx).allowOnly(FIELDS);
        String raw = in.requiredString("code", 40);
        if (raw != null && !PromoRules.WELL_FORMED.matcher(raw).matches()) in.error("code", "must be 3 to 40 letters, digits, - or _, starting with a letter or digit");
        String description = in.optionalString("description", 500);
        String type = in.requiredEnum("discount_type", TYPES);
        BigDecimal value = in.requiredDecimal("discount_value", 2, CENT, MAX_VALUE);
        LocalDate from = BusinessDates.check(in, "valid_from", in.optionalDate("valid_from"));
        LocalDate to = BusinessDates.check(in, "valid_to", in.optionalDate("valid_to"));
        Integer maxUses = in.optionalInt("max_uses", 1, 1_000_000_000);
        BigDecimal minSubtotal = in.optionalDecimal("min_subtotal", 2, BigDecimal.ZERO, MAX_MIN_SUBTOTAL);
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
        var in = JsonInput.of(ctx).allowOnly(patchFields());
        if (in.has("code")) in.error("code", "cannot change; create a new code and deactivate this one");
        Integer version = in.requiredInt("version", 1, Integer.MAX_VALUE);
        // a description may be emptied with "" or null
        String description = in.has("description") ? Objects.requireNonNullElse(in.optionalString("description", 500), "") : null;
        String type = in.has("discount_type") ? in.requiredEnum("discount_type", TYPES) : null;
        BigDecimal value = in.has("discount_value") ? in.requiredDecimal("discount_value", 2, CENT, MAX_VALUE) : null;
        LocalDate from = BusinessDates.check(in, "valid_from", in.optionalDate("valid_from"));
        LocalDate to = BusinessDates.check(in, "valid_to", in.optionalDate("valid_to"));
        Integer maxUses = in.optionalInt("max_uses", 1, 1_000_000_000);
        BigDecimal minSubtotal = in.has("min_subtotal") ? in.requiredDecimal("min_subtotal", 2, BigDecimal.ZERO, MAX_MIN_SUBTOTAL) : null;
        Boolean active = in.has("active") ? in.requiredBool("active") : null;
        in.validate();

        // absent fields keep their value; the optional limits are cleared with an explicit null
        var change = new PromoActions.Change(description, type, value, from, in.has("valid_from"), to, in.has("valid_to"),
                maxUses, in.has("max_uses"), minSubtotal, active);
        ctx.json(actions.update(code, version, change));
    }

    /** 200 with the verdict for any well-formed request. */
    public void validate(Context ctx) {
        var in = JsonInput.of(ctx).allowOnly("code", "subtotal", "trip_date");
        String raw = in.requiredString("code", 40);
        BigDecimal subtotal = in.requiredDecimal("subtotal", 2, BigDecimal.ZERO, MAX_SUBTOTAL);
        LocalDate tripDate = BusinessDates.check(in, "trip_date", in.requiredDate("trip_date"));
        in.validate();
        ctx.json(actions.validate(raw, subtotal, tripDate));
    }

    public void redeem(Context ctx) {
        String code = ctx.pathParam("code");
        var in = JsonInput.of(ctx).allowOnly("reference", "trip_date");
        String reference = in.requiredString("reference", 100);
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

    private static String[] patchFields() {
        var out = new String[FIELDS.length + 1];
        out[0] = "version";
        System.arraycopy(FIELDS, 0, out, 1, FIELDS.length);
        return out;
    }
}
