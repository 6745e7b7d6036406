package com.coachway.payment.balances;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.payment.schedules.Ledger;
import com.coachway.payment.schedules.ScheduleStore;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.util.UUID;

/** A charter's balance: its schedule's total against its succeeded payments and refunds. */
public final class BalanceActions {
    private final DSLContext dsl;
    private final ScheduleStore schedules;

    public BalanceActions(DSLContext dsl, ScheduleStore schedules) {
        this.dsl = dsl;
        this.schedules = schedules;
    }

    public Balance get(ClientScope scope, UUID charterId) {
        var schedule = schedules.byCharter(dsl, scope, charterId);
        if (schedule.isEmpty() && !schedules.hasPayments(dsl, scope, charterId)) throw ApiException.notFound("Charter");
        BigDecimal total = schedule.map(ScheduleStore.Head::total).orElse(BigDecimal.ZERO).setScale(2);
        Ledger ledger = schedules.ledger(dsl, charterId);
        return new Balance(charterId, schedule.map(ScheduleStore.Head::currency).orElse("USD"), total, ledger.paid(),
                ledger.refunded(), ledger.outstanding(total));
    }
}
