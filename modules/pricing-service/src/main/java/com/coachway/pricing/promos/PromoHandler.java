package com.coachway.pricing.promos;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Promo codes: reads and validate [staff, service], writes [manager], redemptions [service]. */
public final class PromoHandler {
    private static final Logger log = LoggerFactory.getLogger(PromoHandler.class);
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final List<String> TYPES = List.of(PromoCode.PERCENT, PromoCode.FIXED);

    private final DSLContext dsl;
    private final PromoStore promos;
    private final ZoneId zone;
    private final Clock clock;

    public PromoHandler(DSLContext dsl, PromoStore promos, ZoneId zone, Clock clock) {
        this.dsl = dsl;
        this.promos = promos;
        this.zone = zone;
        this.clock = clock;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        Boolean active = q.bool("active");
        String text = q.string("q", 100);
        var page = q.page();
        q.validate();
        ctx.json(promos.list(active, text, page));
    }

    public void get(Context ctx) {
        ctx.json(promos.find(pathCode(ctx)).orElseThrow(() -> ApiException.notFound("Promo code")));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String raw = in.requiredString("code");
        String description = in.optionalString("description");
        String type = in.requiredEnum("discount_type", TYPES);
        BigDecimal value = in.requiredDecimal("discount_value", 2);
        LocalDate from = in.optionalDate("valid_from");
        LocalDate to = in.optionalDate("valid_to");
        Integer maxUses = in.optionalInt("max_uses");
        BigDecimal minSubtotal = in.optionalDecimal("min_subtotal", 2);
        Boolean active = in.optionalBool("active");
        var values = new PromoStore.Values(description == null ? "" : description, type, value, from, to, maxUses,
                minSubtotal == null ? BigDecimal.ZERO.setScale(2) : minSubtotal, active == null || active);
        inconsistencies(values).forEach(e -> in.error(e.field(), e.message()));
        in.validate();

        String code = PromoRules.normalize(raw);
        PromoCode created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (!promos.insert(tx, code, values)) throw ApiException.conflict("Promo code " + code + " already exists");
            return promos.find(tx, code).orElseThrow();
        });
        log.info("promo code {} created", code);
        ctx.status(201).header("Location", "/promo-codes/" + code).json(created);
    }

    public void update(Context ctx) {
        String code = pathCode(ctx);
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        // a description may be emptied with "" or null
        String description = in.has("description") ? Objects.requireNonNullElse(in.optionalString("description"), "") : null;
        String type = in.has("discount_type") ? in.requiredEnum("discount_type", TYPES) : null;
        BigDecimal value = in.has("discount_value") ? in.requiredDecimal("discount_value", 2) : null;
        LocalDate from = in.optionalDate("valid_from");
        LocalDate to = in.optionalDate("valid_to");
        Integer maxUses = in.optionalInt("max_uses");
        BigDecimal minSubtotal = in.has("min_subtotal") ? in.requiredDecimal("min_subtotal", 2) : null;
        Boolean active = in.has("active") ? in.requiredBool("active") : null;
        in.validate();

        PromoCode updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            PromoCode before = promos.lock(tx, code).orElseThrow(() -> ApiException.notFound("Promo code"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            // absent fields keep their value; the optional limits are cleared with an explicit null
            var values = new PromoStore.Values(
                    description != null ? description : before.description(),
                    type != null ? type : before.discountType(),
                    value != null ? value : before.discountValue(),
                    in.has("valid_from") ? from : before.validFrom(),
                    in.has("valid_to") ? to : before.validTo(),
                    in.has("max_uses") ? maxUses : before.maxUses(),
                    minSubtotal != null ? minSubtotal : before.minSubtotal(),
                    active != null ? active : before.active());
            var problems = inconsistencies(values);
            if (!problems.isEmpty()) throw ApiException.validation(problems);
            if (values.maxUses() != null && values.maxUses() < before.uses()) {
                throw ApiException.conflict("Promo code " + code + " has already been used " + before.uses()
                        + " times; max_uses cannot be lower");
            }
            promos.update(tx, code, values);
            return promos.find(tx, code).orElseThrow();
        });
        log.info("promo code {} changed to version {}", code, updated.version());
        ctx.json(updated);
    }

    /** 200 with the verdict for any well-formed request: staff may list codes, so nothing is hidden. */
    public void validate(Context ctx) {
        var in = JsonInput.of(ctx);
        String raw = in.requiredString("code");
        BigDecimal subtotal = in.requiredDecimal("subtotal", 2);
        LocalDate tripDate = in.requiredDate("trip_date");
        in.validate();
        String code = PromoRules.normalize(raw);
        PromoCode promo = CODE.matcher(code).matches() ? promos.find(code).orElse(null) : null;
        PromoRules.Check check = PromoRules.evaluate(promo, code, subtotal, tripDate);
        ctx.json(new Validation(code, check.valid(), check.reason() == null ? null : check.reason().code(), check.message(), check.discount()));
    }

    public record Validation(String code, boolean valid, String reason, String message, BigDecimal discount) {
    }

    /**
     * Counts one redemption per (code, reference). The code's row lock serializes concurrent
     * redemptions, so the uses < max_uses check and the increment are one step.
     */
    public void redeem(Context ctx) {
        String code = pathCode(ctx);
        var in = JsonInput.of(ctx);
        String reference = in.requiredString("reference");
        LocalDate tripDate = in.optionalDate("trip_date");
        in.validate();
        LocalDate on = tripDate != null ? tripDate : LocalDate.now(clock.withZone(zone));

        record Outcome(boolean counted, Redemption redemption) {
        }
        Outcome outcome = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            PromoCode promo = promos.lock(tx, code).orElseThrow(() -> ApiException.notFound("Promo code"));
            if (promos.redeemed(tx, code, reference)) return new Outcome(false, new Redemption(code, reference, promo.uses()));
            PromoRules.unusable(promo, on).ifPresent(why -> {
                throw ApiException.conflict("Cannot redeem: " + why.message());
            });
            int uses = promos.redeem(tx, code, reference);
            return new Outcome(true, new Redemption(code, reference, uses));
        });
        if (outcome.counted()) log.info("promo code {} redeemed for {} ({} uses)", code, reference, outcome.redemption().uses());
        ctx.status(outcome.counted() ? 201 : 200).json(outcome.redemption());
    }

    /**
     * Gives a counted use back, e.g. when the booking it was counted for did not happen after all.
     * Idempotent: releasing a reference that holds no redemption changes nothing.
     */
    public void release(Context ctx) {
        String code = pathCode(ctx);
        String reference = ctx.pathParam("reference");
        if (reference.isBlank() || reference.length() > 100) throw ApiException.notFound("Redemption");
        boolean released = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            promos.lock(tx, code).orElseThrow(() -> ApiException.notFound("Promo code"));
            return promos.release(tx, code, reference);
        });
        if (released) log.info("promo code {} redemption for {} released", code, reference);
        ctx.status(204);
    }

    public void redemptions(Context ctx) {
        String code = pathCode(ctx);
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        if (promos.find(code).isEmpty()) throw ApiException.notFound("Promo code");
        ctx.json(promos.redemptions(code, page));
    }

    /** Rules across fields, checked on the values a create or a patch would store. */
    static List<FieldError> inconsistencies(PromoStore.Values v) {
        var errors = new ArrayList<FieldError>();
        if (PromoCode.PERCENT.equals(v.discountType()) && v.discountValue() != null && v.discountValue().compareTo(HUNDRED) > 0) {
            errors.add(new FieldError("discount_value", "a percent discount is at most 100"));
        }
        if (v.validFrom() != null && v.validTo() != null && v.validTo().isBefore(v.validFrom())) {
            errors.add(new FieldError("valid_to", "must be on or after valid_from"));
        }
        return errors;
    }

    private static String pathCode(Context ctx) {
        return PromoRules.normalize(ctx.pathParam("code"));
    }
}
