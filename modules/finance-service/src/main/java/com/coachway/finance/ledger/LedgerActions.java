package com.coachway.finance.ledger;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The ledger's own use cases: reading entries and the trial balance, and the accountant's manual
 * entries and their reversals. A manual entry's source is its caller and Idempotency-Key, so a
 * retry finds it; a reversal's source is the entry it reverses, so a second one is refused.
 */
public final class LedgerActions {
    private static final Logger log = LoggerFactory.getLogger(LedgerActions.class);

    private final DSLContext dsl;
    private final LedgerStore store;
    private final Ledger ledger;
    private final ZoneId zone;
    private final Clock clock;

    public LedgerActions(DSLContext dsl, LedgerStore store, Ledger ledger, ZoneId zone, Clock clock) {
        this.dsl = dsl;
        this.store = store;
        this.ledger = ledger;
        this.zone = zone;
        this.clock = clock;
    }

    public List<LedgerStore.AccountRow> accounts() {
        return store.accounts(dsl);
    }

    public Page<Entry> list(LedgerStore.Filter filter, PageRequest page) {
        return store.list(dsl, filter, page);
    }

    public Entry get(UUID id) {
        return store.find(dsl, id).orElseThrow(() -> ApiException.notFound("Journal entry"));
    }

    public TrialBalance trialBalance(LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock.withZone(zone));
        return TrialBalance.of(date, store.totalsAsOf(dsl, date));
    }

    public record ManualLine(String field, Account account, BigDecimal debit, BigDecimal credit, UUID clientId, UUID vendorId,
                             UUID charterId) {
    }

    /** The rules of a manual entry a schema cannot say: one side per line, debits = credits. 400 naming the field. */
    public static EntryDraft manualDraft(LocalDate date, String memo, List<ManualLine> lines, String sourceId) {
        var draft = EntryDraft.of(date, Entry.MANUAL, sourceId).memo(memo);
        var errors = new java.util.ArrayList<FieldError>();
        for (ManualLine l : lines) {
            boolean hasDebit = l.debit() != null, hasCredit = l.credit() != null;
            if (hasDebit == hasCredit) {
                errors.add(new FieldError(l.field(), "must have exactly one of debit or credit"));
                continue;
            }
            var dims = new Dims(l.clientId(), l.vendorId(), l.charterId(), null, null);
            if (hasDebit) draft.debit(l.account(), l.debit(), dims);
            else draft.credit(l.account(), l.credit(), dims);
        }
        if (errors.isEmpty() && !draft.balanced()) {
            errors.add(new FieldError("lines", "debits (" + draft.totalDebits() + ") must equal credits (" + draft.totalCredits() + ")"));
        }
        if (!errors.isEmpty()) throw ApiException.validation(errors);
        return draft;
    }

    public record Posted(Entry entry, boolean created) {
    }

    public Posted postManual(Caller caller, LocalDate date, String memo, List<ManualLine> lines, String key, String fingerprint) {
        String sourceId = caller.subject() + ":" + key;
        EntryDraft draft = manualDraft(date, memo, lines, sourceId).createdBy(caller.subject()).fingerprint(fingerprint);
        Posted posted = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            var earlier = store.findBySource(tx, Entry.MANUAL, sourceId);
            if (earlier.isPresent()) return again(tx, earlier.get(), fingerprint);
            Ledger.Posted p = ledger.record(tx, draft);
            // a racing twin under the same key committed first: its entry came back
            if (!p.created()) return again(tx, p.entry(), fingerprint);
            return new Posted(p.entry(), true);
        });
        if (posted.created()) log.info("manual journal entry {} of {} posted by {}", posted.entry().id(), posted.entry().total(), caller.subject());
        return posted;
    }

    private Posted again(DSLContext tx, Entry earlier, String fingerprint) {
        if (!fingerprint.equals(store.fingerprintOf(tx, earlier.id()).orElse(null))) {
            throw ApiException.conflict("This Idempotency-Key was used for a different journal entry");
        }
        return new Posted(earlier, false);
    }

    public Entry reverse(Caller caller, UUID entryId, LocalDate date, String memo) {
        Entry reversal = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Entry original = store.find(tx, entryId).orElseThrow(() -> ApiException.notFound("Journal entry"));
            if (!Entry.MANUAL.equals(original.sourceType())) {
                throw ApiException.conflict("Only manual entries are reversed; a " + original.sourceType()
                        + " entry is corrected through its document (void, credit memo, refund)");
            }
            if (original.reversedBy() != null) throw ApiException.conflict("Journal entry " + entryId + " is already reversed by " + original.reversedBy());
            LocalDate on = date != null ? date : LocalDate.now(clock.withZone(zone));
            var draft = EntryDraft.of(on, Entry.REVERSAL, entryId).reverses(entryId).createdBy(caller.subject())
                    .memo(memo != null ? memo : "Reversal of " + entryId + (original.memo() == null ? "" : ": " + original.memo()));
            for (Entry.Line l : original.lines()) {
                var dims = new Dims(l.clientId(), l.vendorId(), l.charterId(), l.invoiceId(), l.billId());
                Account a = Account.ofCode(l.accountCode());
                draft.debit(a, l.credit(), dims).credit(a, l.debit(), dims);
            }
            Ledger.Posted p = ledger.record(tx, draft);
            if (!p.created()) throw ApiException.conflict("Journal entry " + entryId + " is already reversed by " + p.entry().id());
            return p.entry();
        });
        log.info("journal entry {} reversed by {} ({})", entryId, reversal.id(), caller.subject());
        return reversal;
    }
}
