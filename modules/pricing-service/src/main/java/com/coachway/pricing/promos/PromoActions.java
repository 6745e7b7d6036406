package com.coachway.pricing.promos;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The promo-code use cases. A code named by a caller is matched exactly in its stored upper-case
 * form ({@link PromoRules#storedForm}): one that is not a well-formed code (e.g. with a trailing
 * space) is a code we do not have, never a neighbour of one.
 */
public final class PromoActions {
    private static final Logger log = LoggerFactory.getLogger(PromoActions.class);

    private final DSLContext dsl;
    private final ZoneId zone;
    private final Clock clock;

    public PromoActions(DSLContext dsl, ZoneId zone, Clock clock) {
        this.dsl = dsl;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * A patch: null fields keep their value, except the optional limits (valid_from, valid_to,
     * max_uses), which are replaced, null clearing them, when their {@code sets…} flag is true.
     */
    public record Change(String description, String discountType, BigDecimal discountValue,
                         LocalDate validFrom, boolean setsValidFrom, LocalDate validTo, boolean setsValidTo,
                         Integer maxUses, boolean setsMaxUses, BigDecimal minSubtotal, Boolean active) {

        PromoValues applyTo(PromoCode before) {
            return new PromoValues(
                    description != null ? description : before.description(),
                    discountType != null ? discountType : before.discountType(),
                    discountValue != null ? discountValue : before.discountValue(),
                    setsValidFrom ? validFrom : before.validFrom(),
                    setsValidTo ? validTo : before.validTo(),
                    setsMaxUses ? maxUses : before.maxUses(),
                    minSubtotal != null ? minSubtotal : before.minSubtotal(),
                    active != null ? active : before.active());
        }
    }

    public record Validation(String code, boolean valid, String reason, String message, BigDecimal discount) {
    }

    /** {@code counted} is false when the reference had been counted before. */
    public record Redeemed(boolean counted, Redemption redemption) {
    }

    public Page<PromoCode> list(Boolean active, String q, PageRequest page) {
        return PromoStore.list(dsl, active, q, page);
    }

    public PromoCode get(String requestedCode) {
        return PromoStore.find(dsl, stored(requestedCode)).orElseThrow(PromoActions::noSuchCode);
    }

    /** {@code code} is well formed (the handler checked it); it is stored upper-case. */
    public PromoCode create(String code, PromoValues values) {
        String stored = PromoRules.normalize(code);
        PromoCode created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (!PromoStore.insert(tx, stored, values)) throw ApiException.conflict("Promo code " + stored + " already exists");
            return PromoStore.find(tx, stored).orElseThrow();
        });
        log.info("promo code {} created", stored);
        return created;
    }

    public PromoCode update(String requestedCode, int version, Change change) {
        String code = stored(requestedCode);
        PromoCode updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            PromoCode before = PromoStore.lock(tx, code).orElseThrow(PromoActions::noSuchCode);
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            PromoValues values = change.applyTo(before);
            var problems = PromoRules.inconsistencies(values);
            if (!problems.isEmpty()) throw ApiException.validation(problems);
            if (values.maxUses() != null && values.maxUses() < before.uses()) {
                throw ApiException.conflict("Promo code " + code + " has already been used " + before.uses()
                        + " times; max_uses cannot be lower");
            }
            PromoStore.update(tx, code, values);
            return PromoStore.find(tx, code).orElseThrow();
        });
        log.info("promo code {} changed to version {}", code, updated.version());
        return updated;
    }

    /** The verdict for any code, known or not: staff may list codes, so nothing is hidden. */
    public Validation validate(String requestedCode, BigDecimal subtotal, LocalDate tripDate) {
        PromoCode promo = PromoRules.storedForm(requestedCode).flatMap(code -> PromoStore.find(dsl, code)).orElse(null);
        PromoRules.Check check = PromoRules.evaluate(promo, requestedCode, subtotal, tripDate);
        return new Validation(PromoRules.normalize(requestedCode), check.valid(),
                check.reason() == null ? null : check.reason().code(), check.message(), check.discount());
    }

    /**
     * Counts one redemption per (code, reference); the trip date decides the code's dates (today
     * in the trip zone when not given). The code's row lock serializes concurrent redemptions, so
     * the uses &lt; max_uses check and the increment are one step.
     */
    public Redeemed redeem(String requestedCode, String reference, LocalDate tripDate) {
        String code = stored(requestedCode);
        LocalDate on = tripDate != null ? tripDate : LocalDate.now(clock.withZone(zone));
        Redeemed outcome = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            PromoCode promo = PromoStore.lock(tx, code).orElseThrow(PromoActions::noSuchCode);
            if (PromoStore.redeemed(tx, code, reference)) return new Redeemed(false, new Redemption(code, reference, promo.uses()));
            PromoRules.unusable(promo, on).ifPresent(why -> {
                throw ApiException.conflict("Cannot redeem: " + why.message());
            });
            int uses = PromoStore.redeem(tx, code, reference);
            return new Redeemed(true, new Redemption(code, reference, uses));
        });
        if (outcome.counted()) log.info("promo code {} redeemed for {} ({} uses)", code, reference, outcome.redemption().uses());
        return outcome;
    }

    /**
     * Gives a counted use back, e.g. when the booking it was counted for did not happen after all.
     * Idempotent: releasing a reference that holds no redemption changes nothing.
     */
    public void release(String requestedCode, String reference) {
        String code = stored(requestedCode);
        boolean released = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            PromoStore.lock(tx, code).orElseThrow(PromoActions::noSuchCode);
            return PromoStore.release(tx, code, reference);
        });
        if (released) log.info("promo code {} redemption for {} released", code, reference);
    }

    public Page<Redemption.Entry> redemptions(String requestedCode, PageRequest page) {
        String code = stored(requestedCode);
        if (PromoStore.find(dsl, code).isEmpty()) throw noSuchCode();
        return PromoStore.redemptions(dsl, code, page);
    }

    /** The stored form of a code named in a path; one that cannot be a code is as unknown as a missing one. */
    private static String stored(String requestedCode) {
        return PromoRules.storedForm(requestedCode).orElseThrow(PromoActions::noSuchCode);
    }

    private static ApiException noSuchCode() {
        return ApiException.notFound("Promo code");
    }
}
