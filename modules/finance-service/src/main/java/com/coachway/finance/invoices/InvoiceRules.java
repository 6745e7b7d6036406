package com.coachway.finance.invoices;

import com.coachway.finance.remote.CharterDirectory.Quote;
import com.coachway.finance.remote.CharterDirectory.QuoteLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The receivables' pure rules: an invoice's status from its amounts, its lines from a quote, and how money is spread. */
public final class InvoiceRules {
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private InvoiceRules() {
    }

    public static BigDecimal balance(BigDecimal total, BigDecimal credited, BigDecimal paid) {
        return total.subtract(credited).subtract(paid);
    }

    /** The status of an invoice on the books: nothing open → paid; some payment on it → partially_paid; else issued. */
    public static String status(BigDecimal total, BigDecimal credited, BigDecimal paid) {
        if (balance(total, credited, paid).signum() <= 0) return Invoice.PAID;
        return paid.signum() > 0 ? Invoice.PARTIALLY_PAID : Invoice.ISSUED;
    }

    /**
     * The invoice lines of a quote: its lines, then discount (negative), fuel surcharge and tax
     * when not zero, so they add up to the quote's total. Empty when they do not (a quote that
     * does not add up is not invoiced).
     */
    public static List<Invoice.Line> linesOf(Quote q) {
        var lines = new ArrayList<Invoice.Line>();
        for (QuoteLine l : q.lines() == null ? List.<QuoteLine>of() : q.lines()) {
            lines.add(new Invoice.Line(l.code(), l.description(), l.quantity(), money(l.unitPrice()), money(l.amount())));
        }
        BigDecimal discount = money(q.discount()).abs().negate();
        if (discount.signum() != 0) lines.add(new Invoice.Line("discount", "Discount", BigDecimal.ONE, discount, discount));
        BigDecimal fuel = money(q.fuelSurcharge());
        if (fuel.signum() != 0) lines.add(new Invoice.Line("fuel_surcharge", "Fuel surcharge", BigDecimal.ONE, fuel, fuel));
        BigDecimal tax = money(q.tax());
        if (tax.signum() != 0) lines.add(new Invoice.Line("tax", "Tax", BigDecimal.ONE, tax, tax));
        return lines;
    }

    public static BigDecimal sum(List<Invoice.Line> lines) {
        return lines.stream().map(Invoice.Line::amount).reduce(ZERO, BigDecimal::add);
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? ZERO : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Something money can go to, with room for {@code open}. */
    public record Slot(UUID id, BigDecimal open) {
    }

    public record Share(UUID id, BigDecimal amount) {
    }

    /** Spreads {@code amount} over the slots in their order, each filled before the next; what is left over is not returned. */
    public static List<Share> spread(BigDecimal amount, List<Slot> slots) {
        var shares = new ArrayList<Share>();
        BigDecimal left = amount;
        for (Slot s : slots) {
            if (left.signum() <= 0) break;
            if (s.open().signum() <= 0) continue;
            BigDecimal take = left.min(s.open());
            shares.add(new Share(s.id(), take));
            left = left.subtract(take);
        }
        return shares;
    }

    public static BigDecimal total(List<Share> shares) {
        return shares.stream().map(Share::amount).reduce(ZERO, BigDecimal::add);
    }
}
