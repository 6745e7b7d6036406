package com.coachway.finance;

import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.audit.AuditTrail;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.outbox.Outbox;
import com.coachway.common.outbox.OutboxMetrics;
import com.coachway.common.outbox.OutboxWorker;
import com.coachway.common.schedule.Scheduler;
import com.coachway.finance.bills.BillActions;
import com.coachway.finance.bills.BillHandler;
import com.coachway.finance.bills.BillPaymentStore;
import com.coachway.finance.bills.BillRoutes;
import com.coachway.finance.bills.BillStore;
import com.coachway.finance.bills.Payables;
import com.coachway.finance.bills.VendorPaymentActions;
import com.coachway.finance.events.EventActions;
import com.coachway.finance.events.EventHandler;
import com.coachway.finance.events.EventReceiptStore;
import com.coachway.finance.events.EventReceipts;
import com.coachway.finance.events.EventRoutes;
import com.coachway.common.idempotency.RequestKeyStore;
import com.coachway.finance.invoices.CharterStateStore;
import com.coachway.finance.invoices.CreditMemoActions;
import com.coachway.finance.invoices.CreditMemoStore;
import com.coachway.finance.invoices.InvoiceActions;
import com.coachway.finance.invoices.InvoiceHandler;
import com.coachway.finance.invoices.InvoiceRoutes;
import com.coachway.finance.invoices.InvoiceStore;
import com.coachway.finance.invoices.PaymentStore;
import com.coachway.finance.invoices.Receivables;
import com.coachway.finance.ledger.Ledger;
import com.coachway.finance.ledger.LedgerAudit;
import com.coachway.finance.ledger.LedgerActions;
import com.coachway.finance.ledger.LedgerHandler;
import com.coachway.finance.ledger.LedgerRoutes;
import com.coachway.finance.ledger.LedgerStore;
import com.coachway.finance.ledger.PeriodActions;
import com.coachway.finance.ledger.PeriodStore;
import com.coachway.finance.remote.CharterDirectory;
import com.coachway.finance.remote.ClientDirectory;
import com.coachway.finance.remote.VendorDirectory;
import com.coachway.finance.reports.ReportActions;
import com.coachway.finance.reports.ReportHandler;
import com.coachway.finance.reports.ReportRoutes;
import com.coachway.finance.reports.ReportStore;
import com.coachway.finance.statements.StatementActions;
import com.coachway.finance.statements.StatementHandler;
import com.coachway.finance.statements.StatementRoutes;
import com.coachway.finance.statements.StatementStore;

import java.time.Clock;
import java.time.ZoneId;

/**
 * finance-service: invoices and payments applied to them, credit memos, vendor bills, the
 * double-entry ledger with period close, and the reports over them. Wiring only.
 */
public final class FinanceService {
    public static final String NAME = "finance-service";
    public static final int DEFAULT_PORT = 8014;

    private FinanceService() {
    }

    public static void main(String[] args) {
        start(Config.fromEnv()).closeOnShutdown();
    }

    public static RunningService start(Config config) {
        return start(config, Clock.systemUTC());
    }

    /** With the clock that says what "today" is in the books (tests move it across months). */
    public static RunningService start(Config config, Clock clock) {
        int port = config.port(DEFAULT_PORT);
        // The company's calendar: every posting and document date is a date there.
        var zone = zone(config);
        var tokens = ServiceTokens.fromConfig(config, NAME);
        var charters = new CharterDirectory(ServiceClient.builder(config, "charter-service").token(tokens).build());
        var clients = new ClientDirectory(ServiceClient.builder(config, "client-service").token(tokens).build());
        var vendors = new VendorDirectory(ServiceClient.builder(config, "vendor-service").token(tokens).build());

        var db = Database.connect(config, "finance", NAME);
        try {
            var dsl = db.dsl();
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());

            var ledgerStore = new LedgerStore();
            var periodStore = new PeriodStore();
            var outbox = new Outbox("finance");
            OutboxMetrics.register(dsl, outbox, metrics.registry(), scheduler);
            var audit = new AuditTrail(outbox, NAME, clock, LedgerAudit.ACTIONS);
            var ledgerAudit = new LedgerAudit(audit);
            var ledger = new Ledger(ledgerStore, periodStore, ledgerAudit, clock);
            var ledgerActions = new LedgerActions(dsl, ledgerStore, ledger, zone, clock);
            var periodActions = new PeriodActions(dsl, periodStore, ledgerAudit, clock);
            var requestKeys = new RequestKeyStore("finance");
            var eventReceipts = new EventReceipts(dsl, new EventReceiptStore(), clock);
            var billStore = new BillStore();
            var billPaymentStore = new BillPaymentStore();
            var payables = new Payables(billStore, billPaymentStore, ledger, clock);
            var billActions = new BillActions(dsl, billStore, billPaymentStore, payables, requestKeys, vendors, zone, clock);
            var vendorPaymentActions = new VendorPaymentActions(dsl, eventReceipts, billStore, billPaymentStore, payables, ledger, vendors, zone);

            var invoiceStore = new InvoiceStore();
            var paymentStore = new PaymentStore();
            var memoStore = new CreditMemoStore();
            var charterStates = new CharterStateStore();
            var receivables = new Receivables(invoiceStore, paymentStore, memoStore, charterStates, ledger, clock);
            var invoiceActions = new InvoiceActions(dsl, invoiceStore, paymentStore, memoStore, receivables, requestKeys, charters, clients,
                    zone, clock);
            var memoActions = new CreditMemoActions(dsl, invoiceActions, invoiceStore, memoStore, receivables, requestKeys, clock);
            var eventActions = new EventActions(eventReceipts, receivables, paymentStore, charterStates, ledger, zone, clock);
            var reportActions = new ReportActions(dsl, new ReportStore());
            var statementActions = new StatementActions(dsl, new StatementStore(), config.string("COMPANY_NAME", "CoachWay"));

            var app = ServiceApp.named(NAME)
                    .openApiFrom(FinanceService.class)
                    .authFrom(config)
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .health("database", db.health())
                    .routes(r -> {
                        LedgerRoutes.register(r, new LedgerHandler(ledgerActions, periodActions));
                        InvoiceRoutes.register(r, new InvoiceHandler(invoiceActions, memoActions));
                        BillRoutes.register(r, new BillHandler(billActions, vendorPaymentActions));
                        EventRoutes.register(r, new EventHandler(eventActions));
                        ReportRoutes.register(r, new ReportHandler(reportActions));
                        StatementRoutes.register(r, new StatementHandler(statementActions));
                    })
                    .build();
            // The only topics this outbox holds: the audit trail's entries.
            OutboxWorker.builder(dsl, outbox)
                    .handlers(audit.handlers(AuditTrail.receiver(config, tokens)))
                    .configured(config)
                    .build()
                    .scheduleOn(scheduler);
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static ZoneId zone(Config config) {
        return config.zone("TZ", "America/New_York");
    }
}
