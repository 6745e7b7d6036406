package com.coachway.payment.schedules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a charter has paid, net of refunds, goes to its installments oldest first: each is paid up
 * before the next gets anything, so a payment pays the oldest open installment and a refund takes
 * back from the newest paid one. Computed, never stored, so it is the same whatever order the
 * payments, refunds and webhooks arrived in.
 */
public final class AllocationRule {
    public record Allocated(BigDecimal paid, BigDecimal outstanding, String status) {
    }

    private AllocationRule() {
    }

    /** @param amounts the installments' amounts, oldest first */
    public static List<Allocated> allocate(List<BigDecimal> amounts, BigDecimal netPaid) {
        BigDecimal left = netPaid.signum() > 0 ? netPaid : BigDecimal.ZERO;
        var out = new ArrayList<Allocated>();
        for (BigDecimal amount : amounts) {
            BigDecimal paid = left.min(amount);
            left = left.subtract(paid);
            BigDecimal outstanding = amount.subtract(paid);
            String status = outstanding.signum() == 0 ? "paid" : paid.signum() > 0 ? "partially_paid" : "open";
            out.add(new Allocated(paid.setScale(2), outstanding.setScale(2), status));
        }
        return out;
    }
}
