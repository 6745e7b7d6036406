package com.coachway.finance.invoices;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spreading money never puts more on a slot than it has room for, nor more than there is, nor leaves room while money is left. */
class SpreadPropertyTest {
    @Property(tries = 300)
    void spreading_fills_in_order_and_never_overfills(@ForAll @IntRange(min = 1, max = 10_000_00) int cents,
                                                      @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 5_000_00) Integer> rooms) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        var slots = rooms.stream().map(r -> new InvoiceRules.Slot(UUID.randomUUID(), BigDecimal.valueOf(r, 2))).toList();
        var shares = InvoiceRules.spread(amount, slots);
        BigDecimal total = InvoiceRules.total(shares);
        BigDecimal room = slots.stream().map(InvoiceRules.Slot::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, total.compareTo(amount.min(room)), "spreads min(amount, room)");
        for (var s : shares) {
            var slot = slots.stream().filter(x -> x.id().equals(s.id())).findFirst().orElseThrow();
            assertTrue(s.amount().signum() > 0 && s.amount().compareTo(slot.open()) <= 0);
        }
        // in order: every slot before the last one used is full
        for (int i = 0; i + 1 < shares.size(); i++) {
            var id = shares.get(i).id();
            var slot = slots.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            assertEquals(0, shares.get(i).amount().compareTo(slot.open()));
        }
    }
}
