package com.coachway.finance.bills;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BillRulesTest {
    static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    @Test
    void status_follows_what_is_paid() {
        assertEquals(Bill.OPEN, BillRules.status(m("100.00"), m("0.00")));
        assertEquals(Bill.PARTIALLY_PAID, BillRules.status(m("100.00"), m("0.01")));
        assertEquals(Bill.PARTIALLY_PAID, BillRules.status(m("100.00"), m("99.99")));
        assertEquals(Bill.PAID, BillRules.status(m("100.00"), m("100.00")));
        assertEquals(m("0.01"), BillRules.balance(m("100.00"), m("99.99")));
    }

    @Test
    void a_payment_may_be_the_whole_open_balance_but_not_a_cent_more() {
        assertEquals(Optional.empty(), BillRules.paymentRefusal(m("50.00"), m("50.00")));
        assertEquals(Optional.empty(), BillRules.paymentRefusal(m("50.00"), m("0.01")));
        assertTrue(BillRules.paymentRefusal(m("50.00"), m("50.01")).orElseThrow().contains("exceeds the bill's open balance of 50.00"));
        assertTrue(BillRules.paymentRefusal(m("0.00"), m("1.00")).orElseThrow().contains("paid"));
    }

    @Test
    void an_event_payment_is_never_dated_before_its_bill() {
        LocalDate bill = LocalDate.parse("2026-11-10");
        assertEquals(bill, BillRules.eventPaymentDay(LocalDate.parse("2026-11-09"), bill));
        assertEquals(LocalDate.parse("2026-11-12"), BillRules.eventPaymentDay(LocalDate.parse("2026-11-12"), bill));
        assertEquals(bill, BillRules.eventPaymentDay(bill, bill));
    }
}
