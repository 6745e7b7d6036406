package com.coachway.payment.schedules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AllocationRuleTest {
    private static final List<BigDecimal> DEPOSIT_AND_BALANCE = List.of(new BigDecimal("250.00"), new BigDecimal("750.01"));

    private static AllocationRule.Allocated a(String paid, String outstanding, String status) {
        return new AllocationRule.Allocated(new BigDecimal(paid), new BigDecimal(outstanding), status);
    }

    private static List<AllocationRule.Allocated> allocate(String net) {
        return AllocationRule.allocate(DEPOSIT_AND_BALANCE, new BigDecimal(net));
    }

    @Test
    void nothing_paid_leaves_every_installment_open() {
        assertEquals(List.of(a("0.00", "250.00", "open"), a("0.00", "750.01", "open")), allocate("0"));
    }

    @Test
    void the_oldest_installment_is_paid_first() {
        assertEquals(List.of(a("100.00", "150.00", "partially_paid"), a("0.00", "750.01", "open")), allocate("100.00"));
        assertEquals(List.of(a("250.00", "0.00", "paid"), a("0.00", "750.01", "open")), allocate("250.00"));
        assertEquals(List.of(a("250.00", "0.00", "paid"), a("0.01", "750.00", "partially_paid")), allocate("250.01"));
        assertEquals(List.of(a("250.00", "0.00", "paid"), a("750.01", "0.00", "paid")), allocate("1000.01"));
    }

    @Test
    void more_than_is_owed_leaves_the_excess_unallocated_and_a_net_refund_allocates_nothing() {
        assertEquals(List.of(a("250.00", "0.00", "paid"), a("750.01", "0.00", "paid")), allocate("1200.00"));
        assertEquals(List.of(a("0.00", "250.00", "open"), a("0.00", "750.01", "open")), allocate("-5.00"));
    }

    @Test
    void no_installments_allocate_nothing() {
        assertEquals(List.of(), AllocationRule.allocate(List.of(), new BigDecimal("10")));
    }
}
