package com.coachway.stack;

import com.coachway.analytics.AnalyticsService;
import com.coachway.auth.AuthService;
import com.coachway.changemgmt.ChangeMgmtService;
import com.coachway.charter.CharterService;
import com.coachway.client.ClientService;
import com.coachway.dispatch.DispatchService;
import com.coachway.document.DocumentService;
import com.coachway.finance.FinanceService;
import com.coachway.notification.NotificationService;
import com.coachway.payment.PaymentService;
import com.coachway.portals.PortalsService;
import com.coachway.pricing.PricingService;
import com.coachway.sales.SalesService;
import com.coachway.vendor.VendorService;
import com.coachway.common.config.Config;
import com.coachway.common.http.RunningService;

import java.util.List;
import java.util.function.Function;

/** Every service the local stack runs: its kong.yml host, local port and how to start it. Add new services here. */
final class Services {
    record Spec(String host, int port, Function<Config, RunningService> starter) {
    }

    static final List<Spec> ALL = List.of(
            new Spec(AuthService.NAME, AuthService.DEFAULT_PORT, AuthService::start),
            new Spec(CharterService.NAME, CharterService.DEFAULT_PORT, CharterService::start),
            new Spec(ClientService.NAME, ClientService.DEFAULT_PORT, ClientService::start),
            new Spec(PricingService.NAME, PricingService.DEFAULT_PORT, PricingService::start),
            new Spec(DocumentService.NAME, DocumentService.DEFAULT_PORT, DocumentService::start),
            new Spec(PaymentService.NAME, PaymentService.DEFAULT_PORT, PaymentService::start),
            new Spec(NotificationService.NAME, NotificationService.DEFAULT_PORT, NotificationService::start),
            new Spec(VendorService.NAME, VendorService.DEFAULT_PORT, VendorService::start),
            new Spec(DispatchService.NAME, DispatchService.DEFAULT_PORT, DispatchService::start),
            new Spec(FinanceService.NAME, FinanceService.DEFAULT_PORT, FinanceService::start),
            new Spec(SalesService.NAME, SalesService.DEFAULT_PORT, SalesService::start),
            new Spec(ChangeMgmtService.NAME, ChangeMgmtService.DEFAULT_PORT, ChangeMgmtService::start),
            new Spec(PortalsService.NAME, PortalsService.DEFAULT_PORT, PortalsService::start),
            new Spec(AnalyticsService.NAME, AnalyticsService.DEFAULT_PORT, AnalyticsService::start));

    private Services() {
    }
}
