package com.coachway.finance;

import com.coachway.common.auth.RevokedSessions;
import com.coachway.common.auth.TokenVerifier;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.client.ServiceTokens;
import com.coachway.common.config.Config;
import com.coachway.common.db.Database;
import com.coachway.common.http.RunningService;
import com.coachway.common.http.ServiceApp;
import com.coachway.common.metrics.ServiceMetrics;
import com.coachway.common.schedule.Scheduler;
import com.coachway.finance.ledger.Ledger;
import com.coachway.finance.ledger.LedgerActions;
import com.coachway.finance.ledger.LedgerHandler;
import com.coachway.finance.ledger.LedgerRoutes;
import com.coachway.finance.ledger.LedgerStore;
import com.coachway.finance.ledger.PeriodActions;
import com.coachway.finance.ledger.PeriodStore;

import java.time.Clock;
import java.time.DateTimeException;
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
        int port = config.integer("PORT", DEFAULT_PORT, 0, 65535);
        // The company's calendar: every posting and document date is a date there.
        var zone = zone(config);
        var tokens = ServiceTokens.fromConfig(config, NAME);
        var charterClient = ServiceClient.builder("charter-service",
                config.uri("CHARTER_SERVICE_URL", "http://localhost:8001")).token(tokens).build();
        var clientClient = ServiceClient.builder("client-service",
                config.uri("CLIENT_SERVICE_URL", "http://localhost:8003")).token(tokens).build();

        var db = Database.connect(config, "finance", NAME);
        try {
            var dsl = db.dsl();
            var scheduler = Scheduler.named(NAME);
            var metrics = ServiceMetrics.create().pool(db.dataSource());

            var ledgerStore = new LedgerStore();
            var periodStore = new PeriodStore();
            var ledger = new Ledger(ledgerStore, periodStore, clock);
            var ledgerActions = new LedgerActions(dsl, ledgerStore, ledger, zone, clock);
            var periodActions = new PeriodActions(dsl, periodStore, clock);

            var app = ServiceApp.named(NAME)
                    .openApiFrom(FinanceService.class)
                    .auth(TokenVerifier.fromConfig(config))
                    .scheduler(scheduler)
                    .metrics(metrics)
                    .revokedSessions(RevokedSessions.fromConfig(config, NAME))
                    .health("database", db.health())
                    .routes(r -> {
                        LedgerRoutes.register(r, new LedgerHandler(ledgerActions, periodActions));
                    })
                    .build();
            return RunningService.start(NAME, app, port, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static ZoneId zone(Config config) {
        String zone = config.string("TZ", "America/New_York");
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new Config.ConfigException("TZ", "must be a time zone such as America/New_York, got '" + zone + "'");
        }
    }
}
