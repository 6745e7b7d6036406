package com.coachway.finance.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryDraftTest {
    static final LocalDate DAY = LocalDate.parse("2026-11-16");

    static EntryDraft draft() {
        return EntryDraft.of(DAY, "test", UUID.randomUUID());
    }

    static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    @Test
    void debits_equal_to_credits_are_balanced() {
        var d = draft().debit(Account.CASH, m("100.00"), Dims.none())
                .credit(Account.ACCOUNTS_RECEIVABLE, m("60.00"), Dims.none())
                .credit(Account.CUSTOMER_DEPOSITS, m("40.00"), Dims.none());
        assertTrue(d.balanced());
        assertEquals(m("100.00"), d.totalDebits());
        assertEquals(m("100.00"), d.totalCredits());
    }

    @Test
    void a_cent_off_is_unbalanced() {
        assertFalse(draft().debit(Account.CASH, m("100.00"), Dims.none()).credit(Account.REVENUE, m("99.99"), Dims.none()).balanced());
        assertFalse(draft().debit(Account.CASH, m("100.01"), Dims.none()).credit(Account.REVENUE, m("100.00"), Dims.none()).balanced());
    }

    @Test
    void an_entry_needs_a_debit_and_a_credit() {
        assertFalse(draft().balanced(), "no lines");
        assertFalse(draft().debit(Account.CASH, m("5.00"), Dims.none()).balanced(), "debit only");
        assertFalse(draft().credit(Account.CASH, m("5.00"), Dims.none()).balanced(), "credit only");
    }

    @Test
    void amounts_written_with_fewer_decimals_are_the_same_money() {
        assertTrue(draft().debit(Account.CASH, m("100"), Dims.none()).credit(Account.REVENUE, m("100.0"), Dims.none()).balanced());
    }

    @Test
    void zero_amounts_add_no_line_and_negative_ones_are_refused() {
        var d = draft().debit(Account.CASH, m("10.00"), Dims.none()).credit(Account.REVENUE, BigDecimal.ZERO, Dims.none())
                .credit(Account.CUSTOMER_DEPOSITS, m("10.00"), Dims.none());
        assertEquals(2, d.lines().size());
        assertTrue(d.balanced());
        assertTrue(draft().debit(Account.CASH, BigDecimal.ZERO, Dims.none()).empty());
        assertThrows(IllegalArgumentException.class, () -> draft().debit(Account.CASH, m("-1.00"), Dims.none()));
    }

    @Test
    void fractions_of_a_cent_are_a_bug_not_rounded_away() {
        assertThrows(ArithmeticException.class, () -> draft().debit(Account.CASH, m("1.005"), Dims.none()));
    }

    @Test
    void lines_keep_their_dimensions() {
        UUID client = UUID.randomUUID(), invoice = UUID.randomUUID();
        var d = draft().debit(Account.ACCOUNTS_RECEIVABLE, m("1.00"), Dims.client(client).withInvoice(invoice))
                .credit(Account.REVENUE, m("1.00"), Dims.none());
        assertEquals(client, d.lines().getFirst().dims().clientId());
        assertEquals(invoice, d.lines().getFirst().dims().invoiceId());
    }

    @Test
    void accounts_are_found_by_code_or_name() {
        assertEquals(Account.ACCOUNTS_RECEIVABLE, Account.find("1100").orElseThrow());
        assertEquals(Account.ACCOUNTS_RECEIVABLE, Account.find("accounts_receivable").orElseThrow());
        assertTrue(Account.find("petty_cash").isEmpty());
    }
}
