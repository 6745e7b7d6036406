package com.coachway.changemgmt.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a change does to the charter's price, and the threshold rule: a case needs a manager's
 * approval when |price_delta| ≥ 500.00 or it is a cancellation (whatever its price).
 * All amounts null when the change cannot be priced (type other).
 */
public record PriceImpact(BigDecimal currentTotal, BigDecimal newTotal, BigDecimal priceDelta, boolean requiresManager) {
    public static final BigDecimal THRESHOLD = new BigDecimal("500.00");

    public static boolean requiresManager(CaseType type, BigDecimal priceDelta) {
        if (type == CaseType.CANCELLATION) return true;
        return priceDelta != null && priceDelta.abs().compareTo(THRESHOLD) >= 0;
    }

    /** The impact of {@code type} from {@code current} to {@code changed}; a cancellation's new total is 0.00. */
    public static PriceImpact of(CaseType type, BigDecimal current, BigDecimal changed) {
        if (type == CaseType.OTHER || current == null) return new PriceImpact(null, null, null, requiresManager(type, null));
        BigDecimal now = cents(current);
        BigDecimal next = type == CaseType.CANCELLATION ? cents(BigDecimal.ZERO) : cents(changed);
        BigDecimal delta = next.subtract(now);
        return new PriceImpact(now, next, delta, requiresManager(type, delta));
    }

    public static PriceImpact unpriced(CaseType type) {
        return new PriceImpact(null, null, null, requiresManager(type, null));
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
