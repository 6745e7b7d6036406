package com.coachway.finance.invoices;

import com.coachway.finance.remote.CharterDirectory.Quote;
import com.coachway.finance.remote.CharterDirectory.QuoteLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InvoiceRulesTest {
    static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    @Test
    void status_follows_from_the_amounts() {
        assertEquals(Invoice.ISSUED, InvoiceRules.status(m("100.00"), m("0.00"), m("0.00")));
        assertEquals(Invoice.ISSUED, InvoiceRules.status(m("100.00"), m("40.00"), m("0.00")), "a credit alone is not a payment");
        assertEquals(Invoice.PARTIALLY_PAID, InvoiceRules.status(m("100.00"), m("0.00"), m("0.01")));
        assertEquals(Invoice.PAID, InvoiceRules.status(m("100.00"), m("30.00"), m("70.00")));
        assertEquals(Invoice.PAID, InvoiceRules.status(m("100.00"), m("100.00"), m("0.00")), "fully credited: nothing open");
        assertEquals(m("0.01"), InvoiceRules.balance(m("100.00"), m("30.00"), m("69.99")));
    }

    @Test
    void a_quote_becomes_its_lines_then_discount_fuel_and_tax_adding_up_to_its_total() {
        var quote = new Quote("accepted", List.of(new QuoteLine("coach_56", "Coach", m("2"), m("500.00"), m("1000.00"))),
                m("1000.00"), m("50.00"), m("12.34"), m("0"), m("962.34"), "USD");
        var lines = InvoiceRules.linesOf(quote);
        assertEquals(List.of("coach_56", "discount", "fuel_surcharge"), lines.stream().map(Invoice.Line::code).toList(), "no zero tax line");
        assertEquals(m("-50.00"), lines.get(1).amount());
        assertEquals(m("962.34"), InvoiceRules.sum(lines));
    }

    @Test
    void money_is_spread_in_order_and_what_is_left_is_not_spread() {
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID();
        var shares = InvoiceRules.spread(m("250.00"), List.of(new InvoiceRules.Slot(a, m("100.00")), new InvoiceRules.Slot(b, m("0.00")),
                new InvoiceRules.Slot(c, m("400.00"))));
        assertEquals(List.of(new InvoiceRules.Share(a, m("100.00")), new InvoiceRules.Share(c, m("150.00"))), shares);
        assertEquals(m("100.00"), InvoiceRules.total(InvoiceRules.spread(m("500.00"), List.of(new InvoiceRules.Slot(a, m("100.00"))))));
        assertEquals(List.of(), InvoiceRules.spread(m("10.00"), List.of()));
    }
}
