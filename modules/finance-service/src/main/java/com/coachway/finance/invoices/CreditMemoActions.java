package com.coachway.finance.invoices;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.idempotency.RequestKeyStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Credit memos (cancellation fees, goodwill): under the client's lock, at most what is left to credit, once per Idempotency-Key. */
public final class CreditMemoActions {
    private static final Logger log = LoggerFactory.getLogger(CreditMemoActions.class);
    static final String OPERATION = "credit_memo";

    private final DSLContext dsl;
    private final InvoiceActions invoiceActions;
    private final InvoiceStore invoices;
    private final CreditMemoStore memos;
    private final Receivables receivables;
    private final RequestKeyStore keys;
    private final Clock clock;

    public CreditMemoActions(DSLContext dsl, InvoiceActions invoiceActions, InvoiceStore invoices, CreditMemoStore memos,
                             Receivables receivables, RequestKeyStore keys, Clock clock) {
        this.dsl = dsl;
        this.invoiceActions = invoiceActions;
        this.invoices = invoices;
        this.memos = memos;
        this.receivables = receivables;
        this.keys = keys;
        this.clock = clock;
    }

    public CreditMemoStore.CreditMemo create(Caller caller, UUID invoiceId, String kind, BigDecimal amount, LocalDate memoDate, String reason,
                                             String key, String fingerprint) {
        LocalDate on = invoiceActions.documentDate(memoDate, "memo_date");
        Invoice found = invoiceActions.get(ClientScope.all(), invoiceId);
        UUID id = Ids.newId();
        var memo = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            receivables.lockClient(tx, found.clientId());
            var earlier = keys.earlier(tx, caller.subject(), OPERATION, key, fingerprint);
            if (earlier.isPresent()) return memos.find(tx, earlier.get()).orElseThrow();
            Invoice i = invoices.lock(tx, invoiceId).orElseThrow(() -> ApiException.notFound("Invoice"));
            if (!i.posted()) throw ApiException.conflict("The invoice is " + i.status() + "; only an issued invoice is credited");
            BigDecimal creditable = i.total().subtract(i.credited());
            if (amount.compareTo(creditable) > 0) {
                throw ApiException.conflict("A credit of " + amount + " exceeds what is left to credit on " + i.number() + " (" + creditable + ")");
            }
            var made = receivables.creditMemo(tx, i, new Receivables.MemoRequest(id, kind, amount, on, reason, caller.subject()));
            keys.remember(tx, caller.subject(), OPERATION, key, fingerprint, id, OffsetDateTime.now(clock));
            return made;
        });
        if (memo.id().equals(id)) log.info("credit memo {} ({}) of {} on invoice {} by {}", id, kind, amount, found.number(), caller.subject());
        return memo;
    }
}
