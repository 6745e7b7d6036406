package com.coachway.finance.invoices;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.finance.invoices.InvoiceRules.Share;
import com.coachway.finance.invoices.InvoiceRules.Slot;
import com.coachway.finance.invoices.PaymentStore.Payment;
import com.coachway.finance.ledger.Account;
import com.coachway.finance.ledger.Dims;
import com.coachway.finance.ledger.Entry;
import com.coachway.finance.ledger.EntryDraft;
import com.coachway.finance.ledger.Ledger;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How money moves on a client's invoices, inside the caller's transaction and under the client's
 * row lock ({@link #lockClient}, taken first): issuing, payments applied oldest due first, the
 * client's credit applied to later invoices, refunds, credit memos, voids and revenue
 * recognition — each with its one balanced journal entry. The invoice and payment totals and the
 * ledger change together, so AR always equals the sum of open invoice balances.
 */
public final class Receivables {
    public static final String ISSUED = "invoice_issued";
    public static final String VOIDED = "invoice_void";
    public static final String PAYMENT = "payment";
    public static final String REFUND = "refund";
    public static final String CREDIT_MEMO = "credit_memo";
    public static final String CREDIT_APPLIED = "credit_applied";
    public static final String RECOGNISED = "revenue_recognised";

    private static final BigDecimal ZERO = InvoiceRules.ZERO;

    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final CreditMemoStore memos;
    private final CharterStateStore charters;
    private final Ledger ledger;
    private final Clock clock;

    public Receivables(InvoiceStore invoices, PaymentStore payments, CreditMemoStore memos, CharterStateStore charters, Ledger ledger,
                       Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.memos = memos;
        this.charters = charters;
        this.ledger = ledger;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public void lockClient(DSLContext tx, UUID clientId) {
        payments.lockClient(tx, clientId, now());
    }

    private static Dims dims(Invoice i) {
        return Dims.client(i.clientId()).withCharter(i.charterId()).withInvoice(i.id());
    }

    private Invoice fresh(DSLContext tx, UUID invoiceId) {
        return invoices.find(tx, ClientScope.all(), invoiceId).orElseThrow();
    }

    private void change(DSLContext tx, UUID invoiceId, BigDecimal creditedDelta, BigDecimal paidDelta, LocalDate on) {
        Invoice i = fresh(tx, invoiceId);
        invoices.amounts(tx, i, i.credited().add(creditedDelta), i.paid().add(paidDelta), on, now());
    }

    private Entry post(DSLContext tx, EntryDraft draft) {
        return draft.empty() ? null : ledger.post(tx, draft);
    }

    // ---- issue and void

    /** draft → issued on {@code issueDate}: Dr AR / Cr customer deposits (revenue once the charter completed); then the client's credit is applied. */
    public void issue(DSLContext tx, Invoice draft, LocalDate issueDate, String by) {
        boolean completed = charters.find(tx, draft.charterId()).map(CharterStateStore.CharterState::completed).orElse(false);
        var entry = EntryDraft.of(issueDate, ISSUED, draft.id()).createdBy(by).memo("Invoice " + draft.number() + " issued")
                .debit(Account.ACCOUNTS_RECEIVABLE, draft.total(), dims(draft))
                .credit(completed ? Account.REVENUE : Account.CUSTOMER_DEPOSITS, draft.total(), dims(draft));
        if (entry.empty()) ledger.requireOpen(tx, issueDate);
        post(tx, entry);
        invoices.issue(tx, draft.id(), issueDate, issueDate.plusDays(draft.paymentTermsDays()), completed ? issueDate : null, now());
        applyCredit(tx, draft.clientId());
    }

    /** An issued invoice without payments → void on {@code on}, posting the reverse of its open balance. */
    public void voidIssued(DSLContext tx, Invoice i, LocalDate on, String reason, String by) {
        BigDecimal open = InvoiceRules.balance(i.total(), i.credited(), i.paid());
        var entry = EntryDraft.of(on, VOIDED, i.id()).createdBy(by).memo("Invoice " + i.number() + " void: " + reason)
                .debit(i.recognised() ? Account.REVENUE : Account.CUSTOMER_DEPOSITS, open, dims(i))
                .credit(Account.ACCOUNTS_RECEIVABLE, open, dims(i));
        if (entry.empty()) ledger.requireOpen(tx, on);
        post(tx, entry);
        invoices.voidIt(tx, i.id(), on, reason, now());
    }

    // ---- payments

    public record NewPayment(UUID paymentId, UUID clientId, UUID charterId, BigDecimal amount, BigDecimal fee, String method,
                             String reference) {
    }

    /**
     * A payment received on {@code on}: applied to the client's open invoices issued by then — the
     * charter's own first, then by due date and number — the rest kept as the client's credit,
     * which then goes to invoices issued after that day.
     */
    public Entry receivePayment(DSLContext tx, NewPayment p, LocalDate on, String eventId) {
        List<Invoice> open = invoices.openOfClient(tx, p.clientId(), p.charterId()).stream()
                .filter(i -> !i.issueDate().isAfter(on)).toList();
        Map<UUID, Invoice> byId = new HashMap<>();
        open.forEach(i -> byId.put(i.id(), i));
        List<Share> shares = InvoiceRules.spread(p.amount(), open.stream().map(i -> new Slot(i.id(), i.balance())).toList());
        BigDecimal applied = InvoiceRules.total(shares);
        Dims payer = Dims.client(p.clientId()).withCharter(p.charterId());
        var entry = EntryDraft.of(on, PAYMENT, p.paymentId()).memo("Payment " + (p.reference() == null ? p.paymentId() : p.reference()) + " received")
                .debit(Account.CASH, p.amount(), payer);
        for (Share s : shares) entry.credit(Account.ACCOUNTS_RECEIVABLE, s.amount(), dims(byId.get(s.id())));
        entry.credit(Account.CUSTOMER_DEPOSITS, p.amount().subtract(applied), payer);
        if (p.fee() != null && p.fee().signum() > 0) {
            entry.debit(Account.PROCESSING_FEES, p.fee(), payer).credit(Account.CASH, p.fee(), payer);
        }
        Entry e = ledger.post(tx, entry);
        payments.insert(tx, new Payment(p.paymentId(), p.clientId(), p.charterId(), p.amount(), p.fee(), on, p.method(), p.reference(),
                applied, ZERO, e.id()), eventId, now());
        for (Share s : shares) {
            payments.apply(tx, Ids.newId(), p.paymentId(), s.id(), p.clientId(), s.amount(), on, "payment", e.id(), now());
            change(tx, s.id(), ZERO, s.amount(), on);
        }
        applyCredit(tx, p.clientId());
        return e;
    }

    /**
     * The client's unapplied credit (oldest payment first) applied to its open invoices (by due
     * date and number), each piece its own entry dated the later of the payment's and the
     * invoice's day (moved past a closed period): Dr customer deposits / Cr AR.
     */
    public void applyCredit(DSLContext tx, UUID clientId) {
        List<Payment> credits = new ArrayList<>(payments.withCredit(tx, clientId));
        if (credits.isEmpty()) return;
        Map<UUID, BigDecimal> left = new HashMap<>();
        credits.forEach(p -> left.put(p.paymentId(), p.unapplied()));
        for (Invoice i : invoices.openOfClient(tx, clientId, null)) {
            BigDecimal open = i.balance();
            for (Payment p : credits) {
                if (open.signum() <= 0) break;
                BigDecimal take = left.get(p.paymentId()).min(open);
                if (take.signum() <= 0) continue;
                LocalDate on = ledger.eventDate(tx, p.receivedOn().isAfter(i.issueDate()) ? p.receivedOn() : i.issueDate());
                UUID applicationId = Ids.newId();
                Entry e = ledger.post(tx, EntryDraft.of(on, CREDIT_APPLIED, applicationId)
                        .memo("Credit of payment " + p.paymentId() + " applied to " + i.number())
                        .debit(Account.CUSTOMER_DEPOSITS, take, Dims.client(clientId).withCharter(p.charterId()))
                        .credit(Account.ACCOUNTS_RECEIVABLE, take, dims(i)));
                payments.apply(tx, applicationId, p.paymentId(), i.id(), clientId, take, on, "credit", e.id(), now());
                payments.change(tx, p.paymentId(), take, ZERO);
                change(tx, i.id(), ZERO, take, on);
                left.put(p.paymentId(), left.get(p.paymentId()).subtract(take));
                open = open.subtract(take);
            }
        }
    }

    /**
     * A refund of (part of) a payment on {@code on}: first from that payment's unapplied credit,
     * then by taking it back off the invoices it reached, newest first (they reopen). 409 when it
     * is more than the payment has left.
     */
    public Entry refund(DSLContext tx, UUID refundId, Payment p, BigDecimal amount, LocalDate on, String method, String reason,
                        String eventId) {
        BigDecimal refundable = p.amount().subtract(p.refunded());
        if (amount.compareTo(refundable) > 0) {
            throw ApiException.conflict("Refund of " + amount + " exceeds what is left of payment " + p.paymentId() + " (" + refundable + ")");
        }
        BigDecimal fromCredit = amount.min(p.unapplied());
        List<PaymentStore.Applied> applied = payments.netOfPayment(tx, p.paymentId());
        List<Share> shares = InvoiceRules.spread(amount.subtract(fromCredit),
                applied.stream().map(a -> new Slot(a.invoiceId(), a.net())).toList());
        Dims payer = Dims.client(p.clientId()).withCharter(p.charterId());
        var entry = EntryDraft.of(on, REFUND, refundId).memo("Refund of payment " + (p.reference() == null ? p.paymentId() : p.reference()))
                .debit(Account.CUSTOMER_DEPOSITS, fromCredit, payer);
        Map<UUID, Invoice> touched = new HashMap<>();
        for (Share s : shares) {
            Invoice i = fresh(tx, s.id());
            touched.put(i.id(), i);
            entry.debit(Account.ACCOUNTS_RECEIVABLE, s.amount(), dims(i));
        }
        entry.credit(Account.CASH, amount, payer);
        Entry e = ledger.post(tx, entry);
        payments.insertRefund(tx, refundId, p, amount, on, method, reason, eventId, e.id(), now());
        for (Share s : shares) {
            payments.apply(tx, Ids.newId(), p.paymentId(), s.id(), p.clientId(), s.amount().negate(), on, "refund", e.id(), now());
            change(tx, s.id(), ZERO, s.amount().negate(), on);
        }
        payments.change(tx, p.paymentId(), InvoiceRules.total(shares).negate(), amount);
        return e;
    }

    // ---- credit memos

    public record MemoRequest(UUID id, String kind, BigDecimal amount, LocalDate memoDate, String reason, String by) {
    }

    /**
     * A credit memo on an invoice on the books (the caller checked its status and the amount).
     * Beyond the open balance it first releases the invoice's payments, newest first, as the
     * client's credit; a cancellation fee recognises what remains at once.
     */
    public CreditMemoStore.CreditMemo creditMemo(DSLContext tx, Invoice i, MemoRequest m) {
        BigDecimal open = i.balance();
        BigDecimal release = m.amount().subtract(open).max(ZERO);
        List<Share> released = InvoiceRules.spread(release, payments.netOnInvoice(tx, i.id()).stream()
                .map(a -> new Slot(a.paymentId(), a.net())).toList());
        Dims d = dims(i);
        var entry = EntryDraft.of(m.memoDate(), CREDIT_MEMO, m.id()).createdBy(m.by())
                .memo("Credit memo (" + m.kind() + ") on " + i.number() + ": " + m.reason())
                .debit(i.recognised() ? Account.REVENUE : Account.CUSTOMER_DEPOSITS, m.amount(), d)
                .credit(Account.ACCOUNTS_RECEIVABLE, m.amount(), d)
                .debit(Account.ACCOUNTS_RECEIVABLE, release, d)
                .credit(Account.CUSTOMER_DEPOSITS, release, d);
        boolean recogniseNow = "cancellation_fee".equals(m.kind()) && !i.recognised();
        BigDecimal fee = i.total().subtract(i.credited()).subtract(m.amount());
        if (recogniseNow) entry.debit(Account.CUSTOMER_DEPOSITS, fee, d).credit(Account.REVENUE, fee, d);
        Entry e = ledger.post(tx, entry);
        var memo = new CreditMemoStore.CreditMemo(m.id(), i.id(), i.clientId(), i.charterId(), m.kind(), m.amount(), m.memoDate(),
                m.reason(), e.id(), m.by(), now());
        memos.insert(tx, memo);
        for (Share s : released) {
            payments.apply(tx, Ids.newId(), s.id(), i.id(), i.clientId(), s.amount().negate(), m.memoDate(), "credit_memo", e.id(), now());
            payments.change(tx, s.id(), s.amount().negate(), ZERO);
        }
        change(tx, i.id(), m.amount(), InvoiceRules.total(released).negate(), m.memoDate());
        if (recogniseNow) invoices.recognise(tx, i.id(), m.memoDate(), now());
        return memos.find(tx, m.id()).orElseThrow();
    }

    // ---- revenue

    /** The charter completed on {@code on}: its issued invoices not yet recognised move their net from customer deposits to revenue. */
    public Entry recognise(DSLContext tx, UUID charterId, LocalDate on) {
        List<Invoice> pending = invoices.unrecognisedOfCharter(tx, charterId);
        var entry = EntryDraft.of(on, RECOGNISED, charterId).memo("Charter " + charterId + " completed: revenue recognised");
        for (Invoice i : pending) {
            BigDecimal net = i.total().subtract(i.credited());
            entry.debit(Account.CUSTOMER_DEPOSITS, net, dims(i)).credit(Account.REVENUE, net, dims(i));
        }
        Entry e = post(tx, entry);
        for (Invoice i : pending) invoices.recognise(tx, i.id(), on, now());
        return e;
    }
}
