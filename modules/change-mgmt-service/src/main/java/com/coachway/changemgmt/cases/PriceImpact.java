package com.coachway.changemgmt.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a change does to the charter's price, and the threshold rule: a case needs a manager's
 * approval when |price_delta| ≥ 500.00 or it is a cancellation (whatever its price).
 * All amounts null when the change cannot be priced (type other). {@code promo} is the quote's
 * promo code as the changed trip was priced (null when there is none or no trip was priced).
 */
public record PriceImpact(BigDecimal currentTotal, BigDecimal newTotal, BigDecimal priceDelta, boolean requiresManager, Promo promo) {
    public static final BigDecimal THRESHOLD = new BigDecimal("500.00");

    /** The quote's code; {@code applied} false with pricing-service's {@code note} when it does not apply to the changed trip. */
    public record Promo(String code, boolean applied, String note) {
        public static Promo applied(String code) {
            return new Promo(code, true, null);
        }

        public static Promo refused(String code, String note) {
            return new Promo(code, false, note);
        }
    }

    public static boolean requiresManager(CaseType type, BigDecimal priceDelta) {
        if (type == CaseType.CANCELLATION) return true;
        return priceDelta != null && priceDelta.abs().compareTo(THRESHOLD) >= 0;
    }

    /** The impact of {@code type} from {@code current} to {@code changed}; a cancellation's new total is 0.00. */
    public static PriceImpact of(CaseType type, BigDecimal current, BigDecimal changed) {
        return of(type, current, changed, null);
    }

    public static PriceImpact of(CaseType type, BigDecimal current, BigDecimal changed, Promo promo) {
        if (type == CaseType.OTHER || current == null) return unpriced(type);
        BigDecimal now = cents(current);
        BigDecimal next = type == CaseType.CANCELLATION ? cents(BigDecimal.ZERO) : cents(changed);
        BigDecimal delta = next.subtract(now);
        return new PriceImpact(now, next, delta, requiresManager(type, delta), type == CaseType.CANCELLATION ? null : promo);
    }

    public static PriceImpact unpriced(CaseType type) {
        return new PriceImpact(null, null, null, requiresManager(type, null), null);
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
