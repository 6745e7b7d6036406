package com.coachway.pricing.promos;

import com.coachway.common.http.FieldError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** When a promo code applies and what it takes off. Pure: the same answers for validate, calculate and redemption. */
public final class PromoRules {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private PromoRules() {
    }

    public enum Reason {
        UNKNOWN, INACTIVE, NOT_YET_VALID, EXPIRED, USED_UP, BELOW_MIN_SUBTOTAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A verdict: {@code reason} and {@code message} are null when valid; {@code discount} is 0.00 when not. */
    public record Check(boolean valid, Reason reason, String message, BigDecimal discount) {
        static Check invalid(Reason reason, String message) {
            return new Check(false, reason, message, BigDecimal.ZERO.setScale(2));
        }
    }

    /**
     * What every code looks like (the database checks the upper-case form too). ASCII only, so
     * upper-casing is a plain one-to-one case rule: no Unicode folding maps another string onto a code.
     */
    public static final Pattern WELL_FORMED = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$");

    /**
     * Codes are case-insensitive: we store them upper-case and upper-case what a caller writes.
     * That is the only change made: nothing is trimmed, so {@code "FZ-X "} is not {@code FZ-X}.
     */
    public static String normalize(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    /**
     * The stored form of a code as a caller wrote it (e.g. in a path), or empty when it is not a
     * well-formed code at all (surrounding whitespace, other characters), so it names no code.
     */
    public static Optional<String> storedForm(String requested) {
        if (requested == null || !WELL_FORMED.matcher(requested).matches()) return Optional.empty();
        return Optional.of(normalize(requested));
    }

    /** Why the code cannot be used for a trip on {@code date} regardless of the amount, if it cannot. */
    public static Optional<Check> unusable(PromoCode p, LocalDate date) {
        return unusable(p, date, false);
    }

    /**
     * As {@link #unusable(PromoCode, LocalDate)}, for a price of what already holds one of the
     * code's counted uses when {@code ownUseCounted}: that use is the priced booking's own, so it
     * leaves room under {@code max_uses} for itself (a single-use code redeemed by a charter still
     * applies to that charter's change). Every other condition is the same.
     */
    public static Optional<Check> unusable(PromoCode p, LocalDate date, boolean ownUseCounted) {
        if (!p.active()) return Optional.of(Check.invalid(Reason.INACTIVE, "promo code " + p.code() + " is inactive"));
        if (p.validFrom() != null && date.isBefore(p.validFrom())) {
            return Optional.of(Check.invalid(Reason.NOT_YET_VALID, "promo code " + p.code() + " applies to trips from " + p.validFrom()));
        }
        if (p.validTo() != null && date.isAfter(p.validTo())) {
            return Optional.of(Check.invalid(Reason.EXPIRED, "promo code " + p.code() + " applied to trips until " + p.validTo()));
        }
        int usesByOthers = ownUseCounted ? p.uses() - 1 : p.uses();
        if (p.maxUses() != null && usesByOthers >= p.maxUses()) {
            return Optional.of(Check.invalid(Reason.USED_UP, "promo code " + p.code() + " is used up (" + p.uses() + " of " + p.maxUses() + " uses)"));
        }
        return Optional.empty();
    }

    /** The full verdict for a subtotal on a trip date; {@code p} null is an unknown code. */
    public static Check evaluate(PromoCode p, String requestedCode, BigDecimal subtotal, LocalDate date) {
        return evaluate(p, requestedCode, subtotal, date, false);
    }

    /** The full verdict; {@code ownUseCounted} as in {@link #unusable(PromoCode, LocalDate, boolean)}. */
    public static Check evaluate(PromoCode p, String requestedCode, BigDecimal subtotal, LocalDate date, boolean ownUseCounted) {
        if (p == null) return Check.invalid(Reason.UNKNOWN, normalize(requestedCode) + " is not a known promo code");
        var unusable = unusable(p, date, ownUseCounted);
        if (unusable.isPresent()) return unusable.get();
        if (subtotal.compareTo(p.minSubtotal()) < 0) {
            return Check.invalid(Reason.BELOW_MIN_SUBTOTAL, "promo code " + p.code() + " needs a subtotal of at least "
                    + p.minSubtotal().setScale(2).toPlainString());
        }
        return new Check(true, null, null, discount(p, subtotal));
    }

    /** Percent of the subtotal HALF_UP to cents, or the fixed amount; never more than the subtotal. */
    public static BigDecimal discount(PromoCode p, BigDecimal subtotal) {
        BigDecimal raw = PromoCode.PERCENT.equals(p.discountType())
                ? subtotal.multiply(p.discountValue()).divide(HUNDRED, 2, RoundingMode.HALF_UP)
                : p.discountValue();
        return raw.min(subtotal).setScale(2, RoundingMode.HALF_UP);
    }

    /** Rules across fields, checked on the values a create or a patch would store. */
    public static List<FieldError> inconsistencies(PromoValues v) {
        var errors = new ArrayList<FieldError>();
        if (PromoCode.PERCENT.equals(v.discountType()) && v.discountValue() != null && v.discountValue().compareTo(HUNDRED) > 0) {
            errors.add(new FieldError("discount_value", "a percent discount is at most 100"));
        }
        if (v.validFrom() != null && v.validTo() != null && v.validTo().isBefore(v.validFrom())) {
            errors.add(new FieldError("valid_to", "must be on or after valid_from"));
        }
        return errors;
    }
}
