package com.coachway.pricing.compliance;

import com.coachway.hos.HoursOfService;
import com.coachway.hos.ServiceDays;

import java.util.List;

/** The hours-of-service check: pure, on the company's service days. */
public final class ComplianceActions {
    private final ServiceDays days;

    public ComplianceActions(ServiceDays days) {
        this.days = days;
    }

    /** {@code cycle} null is the default, 60 h in 7 days. */
    public HoursOfService.Result check(List<HoursOfService.DutyPeriod> periods, HoursOfService.Cycle cycle) {
        return HoursOfService.check(periods, cycle == null ? HoursOfService.Cycle.SIXTY_IN_SEVEN : cycle, days);
    }
}
