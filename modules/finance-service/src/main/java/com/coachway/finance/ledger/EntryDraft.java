package com.coachway.finance.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A journal entry before it is posted: its date, the source it is the one entry of (e.g.
 * {@code payment/<payment_id>}), a memo, and its lines. Built with
 * {@code EntryDraft.of(date, "payment", id).memo("…").debit(Account.CASH, amount, dims).credit(…)};
 * a zero amount adds no line (a posting's optional parts need no ifs), a negative one is a bug.
 * {@link #balanced()} is the double-entry rule; {@link Ledger#post} refuses a draft that breaks it
 * and the database refuses the entry again at commit.
 */
public final class EntryDraft {
    public record Line(Account account, BigDecimal debit, BigDecimal credit, Dims dims) {
    }

    private final LocalDate date;
    private final String sourceType;
    private final String sourceId;
    private String memo;
    private String createdBy = "finance-service";
    private java.util.UUID reverses;
    private String fingerprint;
    private final List<Line> lines = new ArrayList<>();

    private EntryDraft(LocalDate date, String sourceType, String sourceId) {
        this.date = Objects.requireNonNull(date, "date");
        this.sourceType = Objects.requireNonNull(sourceType, "sourceType");
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
    }

    public static EntryDraft of(LocalDate date, String sourceType, Object sourceId) {
        return new EntryDraft(date, sourceType, String.valueOf(sourceId));
    }

    public EntryDraft memo(String memo) {
        this.memo = memo;
        return this;
    }

    public EntryDraft createdBy(String who) {
        this.createdBy = Objects.requireNonNull(who);
        return this;
    }

    /** This entry undoes {@code entryId} (manual reversals). */
    public EntryDraft reverses(java.util.UUID entryId) {
        this.reverses = entryId;
        return this;
    }

    /** What the request that asked for this entry said, stored with it (manual entries' Idempotency-Key). */
    public EntryDraft fingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
        return this;
    }

    public EntryDraft debit(Account account, BigDecimal amount, Dims dims) {
        return add(account, amount, true, dims);
    }

    public EntryDraft credit(Account account, BigDecimal amount, Dims dims) {
        return add(account, amount, false, dims);
    }

    private EntryDraft add(Account account, BigDecimal amount, boolean debit, Dims dims) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) throw new IllegalArgumentException("a journal line amount is never negative: " + amount);
        if (amount.signum() == 0) return this;
        BigDecimal cents = amount.setScale(2, RoundingMode.UNNECESSARY);
        lines.add(new Line(account, debit ? cents : BigDecimal.ZERO.setScale(2), debit ? BigDecimal.ZERO.setScale(2) : cents,
                dims == null ? Dims.NONE : dims));
        return this;
    }

    public LocalDate date() {
        return date;
    }

    public String sourceType() {
        return sourceType;
    }

    public String sourceId() {
        return sourceId;
    }

    public String memo() {
        return memo;
    }

    public String createdBy() {
        return createdBy;
    }

    public java.util.UUID reversesEntry() {
        return reverses;
    }

    public String fingerprintValue() {
        return fingerprint;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public BigDecimal totalDebits() {
        return lines.stream().map(Line::debit).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal totalCredits() {
        return lines.stream().map(Line::credit).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Double entry: at least one debit and one credit line, and debits = credits to the cent. */
    public boolean balanced() {
        boolean anyDebit = lines.stream().anyMatch(l -> l.debit().signum() > 0);
        boolean anyCredit = lines.stream().anyMatch(l -> l.credit().signum() > 0);
        return anyDebit && anyCredit && totalDebits().compareTo(totalCredits()) == 0;
    }

    /** Nothing to post: every amount was zero. */
    public boolean empty() {
        return lines.isEmpty();
    }
}
