package com.coachway.finance.invoices;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.idempotency.RequestKeyStore;
import com.coachway.finance.remote.CharterDirectory;
import com.coachway.finance.remote.CharterDirectory.CharterInfo;
import com.coachway.finance.remote.ClientDirectory;
import com.coachway.finance.remote.ClientDirectory.ClientInfo;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Invoices: built from a charter's accepted quote (charter- and client-service read first, outside
 * any transaction), issued, voided, listed. Every change runs under the client's row lock, so it
 * never interleaves with a payment or another change of that client's invoices.
 */
public final class InvoiceActions {
    private static final Logger log = LoggerFactory.getLogger(InvoiceActions.class);
    static final String FROM_CHARTER = "from_charter";

    private final DSLContext dsl;
    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final CreditMemoStore memos;
    private final Receivables receivables;
    private final RequestKeyStore keys;
    private final CharterDirectory charters;
    private final ClientDirectory clients;
    private final ZoneId zone;
    private final Clock clock;

    public InvoiceActions(DSLContext dsl, InvoiceStore invoices, PaymentStore payments, CreditMemoStore memos, Receivables receivables,
                          RequestKeyStore keys, CharterDirectory charters, ClientDirectory clients, ZoneId zone, Clock clock) {
        this.dsl = dsl;
        this.invoices = invoices;
        this.payments = payments;
        this.memos = memos;
        this.receivables = receivables;
        this.keys = keys;
        this.charters = charters;
        this.clients = clients;
        this.zone = zone;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Page<Invoice> list(ClientScope scope, InvoiceStore.Filter filter, PageRequest page) {
        return invoices.list(dsl, scope, filter, page);
    }

    public Invoice get(ClientScope scope, UUID id) {
        return invoices.find(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Invoice"));
    }

    public List<PaymentStore.Application> applications(ClientScope scope, UUID id) {
        get(scope, id);
        return payments.ofInvoice(dsl, id);
    }

    public List<CreditMemoStore.CreditMemo> creditMemos(ClientScope scope, UUID id) {
        get(scope, id);
        return memos.ofInvoice(dsl, id);
    }

    public record ClientCredit(UUID clientId, BigDecimal unappliedCredit, List<PaymentCredit> payments) {
    }

    public record PaymentCredit(UUID paymentId, LocalDate receivedOn, BigDecimal amount, BigDecimal applied, BigDecimal refunded,
                                BigDecimal unapplied) {
    }

    public ClientCredit credit(ClientScope scope, UUID clientId) {
        if (!scope.allows(clientId)) throw ApiException.notFound("Client");
        var list = payments.ofClient(dsl, scope, clientId).stream()
                .map(p -> new PaymentCredit(p.paymentId(), p.receivedOn(), p.amount(), p.applied(), p.refunded(), p.unapplied())).toList();
        BigDecimal total = list.stream().map(PaymentCredit::unapplied).reduce(InvoiceRules.ZERO, BigDecimal::add);
        return new ClientCredit(clientId, total, list);
    }

    /** A date a user gives for a document: not in the future. */
    LocalDate documentDate(LocalDate given, String field) {
        LocalDate today = today();
        if (given == null) return today;
        if (given.isAfter(today)) throw ApiException.validation(List.of(new FieldError(field, "cannot be after today (" + today + ")")));
        return given;
    }

    public Invoice fromCharter(Caller caller, UUID charterId, boolean issue, LocalDate issueDate, String key, String fingerprint) {
        LocalDate issueOn = issue ? documentDate(issueDate, "issue_date") : null;
        CharterInfo charter = charters.charter(charterId).orElseThrow(() -> ApiException.notFound("Charter"));
        if ("cancelled".equals(charter.status())) throw ApiException.conflict("The charter is cancelled; credit its invoice instead");
        var quote = charter.currentQuote();
        if (quote == null || !"accepted".equals(quote.status())) {
            throw ApiException.conflict("The charter's current quote is " + (quote == null ? "missing" : quote.status()) + ", not accepted");
        }
        if (quote.currency() != null && !"USD".equals(quote.currency())) throw ApiException.conflict("Only USD quotes are invoiced");
        List<Invoice.Line> lines = InvoiceRules.linesOf(quote);
        BigDecimal total = InvoiceRules.sum(lines);
        if (quote.total() != null && total.compareTo(quote.total()) != 0) {
            throw ApiException.conflict("The quote's lines add up to " + total + ", not its total " + quote.total());
        }
        if (charter.clientId() == null) throw ApiException.conflict("The charter has no client");
        ClientInfo client = clients.client(charter.clientId())
                .orElseThrow(() -> ApiException.conflict("The charter's client " + charter.clientId() + " is unknown to client-service"));
        int terms = client.paymentTermsDays() == null ? 0 : client.paymentTermsDays();

        UUID id = Ids.newId();
        Invoice made = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            OffsetDateTime now = OffsetDateTime.now(clock);
            receivables.lockClient(tx, charter.clientId());
            var earlier = keys.earlier(tx, caller.subject(), FROM_CHARTER, key, fingerprint);
            if (earlier.isPresent()) return invoices.find(tx, ClientScope.all(), earlier.get()).orElseThrow();
            var live = invoices.liveOfCharter(tx, charterId);
            if (live.isPresent()) {
                throw ApiException.conflict("The charter already has invoice " + live.get().number() + " (" + live.get().status() + "); void it first");
            }
            int year = today().getYear();
            String number = String.format("INV-%d-%05d", year, invoices.nextNumber(tx, year));
            invoices.insert(tx, new InvoiceStore.NewInvoice(id, number, charterId, charter.reference(), charter.clientId(), client.name(),
                    terms, total, lines, caller.subject()), now);
            if (issue) receivables.issue(tx, invoices.find(tx, ClientScope.all(), id).orElseThrow(), issueOn, caller.subject());
            keys.remember(tx, caller.subject(), FROM_CHARTER, key, fingerprint, id, now);
            return invoices.find(tx, ClientScope.all(), id).orElseThrow();
        });
        if (made.id().equals(id)) log.info("invoice {} ({}) of {} for charter {} by {}", made.number(), made.status(), made.total(), charterId, caller.subject());
        return made;
    }

    public Invoice issue(Caller caller, UUID id, LocalDate issueDate) {
        LocalDate on = documentDate(issueDate, "issue_date");
        Invoice found = get(ClientScope.all(), id);
        Invoice issued = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            receivables.lockClient(tx, found.clientId());
            Invoice i = invoices.lock(tx, id).orElseThrow(() -> ApiException.notFound("Invoice"));
            if (!Invoice.DRAFT.equals(i.status())) throw ApiException.conflict("The invoice is " + i.status() + "; only a draft is issued");
            receivables.issue(tx, i, on, caller.subject());
            return invoices.find(tx, ClientScope.all(), id).orElseThrow();
        });
        log.info("invoice {} issued on {} by {}", issued.number(), on, caller.subject());
        return issued;
    }

    public Invoice voidIt(Caller caller, UUID id, String reason) {
        Invoice found = get(ClientScope.all(), id);
        Invoice voided = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            receivables.lockClient(tx, found.clientId());
            Invoice i = invoices.lock(tx, id).orElseThrow(() -> ApiException.notFound("Invoice"));
            LocalDate today = today();
            switch (i.status()) {
                case Invoice.VOID -> throw ApiException.conflict("The invoice is already void");
                case Invoice.DRAFT -> invoices.voidIt(tx, id, today, reason, OffsetDateTime.now(clock));
                default -> {
                    if (i.paid().signum() > 0) {
                        throw ApiException.conflict("The invoice is " + i.status() + " (" + i.paid() + " paid); credit it instead");
                    }
                    receivables.voidIssued(tx, i, today, reason, caller.subject());
                }
            }
            return invoices.find(tx, ClientScope.all(), id).orElseThrow();
        });
        log.info("invoice {} void by {}", voided.number(), caller.subject());
        return voided;
    }
}
