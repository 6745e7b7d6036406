package com.coachway.finance.ledger;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Posting to the books, for every feature that moves money. Always inside the caller's
 * transaction, so the entry commits or rolls back with the document it books.
 *
 * <pre>
 * Entry e = ledger.post(tx, EntryDraft.of(date, "invoice_issued", invoiceId)
 *         .memo("Invoice INV-2026-00017 issued")
 *         .debit(Account.ACCOUNTS_RECEIVABLE, total, dims)
 *         .credit(Account.CUSTOMER_DEPOSITS, total, dims));
 * </pre>
 */
public final class Ledger {
    private final LedgerStore store;
    private final PeriodStore periods;
    private final LedgerAudit audit;
    private final Clock clock;

    public Ledger(LedgerStore store, PeriodStore periods, LedgerAudit audit, Clock clock) {
        this.store = store;
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Posts the draft as one entry, or returns the entry already posted for its source (a repeated
     * event, a retried request): one entry per (source_type, source_id), however many callers race.
     * Holds the period's row FOR SHARE until commit. A period that is closed: 409
     * "period 2026-11 is closed". An unbalanced draft is a bug (IllegalArgumentException). A new entry
     * is also an entry of the platform audit trail (journal.posted), in the same transaction.
     */
    public Entry post(DSLContext tx, EntryDraft draft) {
        return record(tx, draft).entry();
    }

    /** The entry and whether this call posted it (false: its source had one already). */
    public record Posted(Entry entry, boolean created) {
    }

    /** As {@link #post}, saying whether the entry is new. */
    public Posted record(DSLContext tx, EntryDraft draft) {
        var earlier = store.findBySource(tx, draft.sourceType(), draft.sourceId());
        if (earlier.isPresent()) return new Posted(earlier.get(), false);
        if (!draft.balanced()) {
            throw new IllegalArgumentException("unbalanced entry for " + draft.sourceType() + "/" + draft.sourceId()
                    + ": debits " + draft.totalDebits() + ", credits " + draft.totalCredits());
        }
        if (periods.share(tx, monthOf(draft.date())).closed()) throw closed(draft.date());
        UUID id = Ids.newId();
        if (!store.insert(tx, id, draft, OffsetDateTime.now(clock))) {
            return new Posted(store.findBySource(tx, draft.sourceType(), draft.sourceId()).orElseThrow(), false);
        }
        store.insertLines(tx, id, draft.lines());
        Entry posted = store.find(tx, id).orElseThrow();
        // here, where every entry is made, so none is left out of the audit trail and none is there twice
        audit.posted(tx, posted);
        return new Posted(posted, true);
    }

    /** The entry already posted for this source, if any. */
    public java.util.Optional<Entry> posted(DSLContext ctx, String sourceType, Object sourceId) {
        return store.findBySource(ctx, sourceType, String.valueOf(sourceId));
    }

    /**
     * The date an event from another service is booked on: its own date, or, when that falls in a
     * closed period, the first day of the first open month after it (an event is never refused for
     * ever). Holds that month's row FOR SHARE, so it cannot close before this transaction commits.
     * Every document row the event writes carries the same date.
     */
    public LocalDate eventDate(DSLContext tx, LocalDate wanted) {
        LocalDate month = monthOf(wanted);
        if (!periods.share(tx, month).closed()) return wanted;
        do {
            month = month.plusMonths(1);
        } while (periods.share(tx, month).closed());
        return month;
    }

    /** 409 unless the date's period is open; holds it FOR SHARE (API postings, which are refused, not moved). */
    public void requireOpen(DSLContext tx, LocalDate date) {
        if (periods.share(tx, monthOf(date)).closed()) throw closed(date);
    }

    static LocalDate monthOf(LocalDate date) {
        return date.withDayOfMonth(1);
    }

    static ApiException closed(LocalDate date) {
        return ApiException.conflict("period " + YearMonth.from(date) + " is closed");
    }
}
