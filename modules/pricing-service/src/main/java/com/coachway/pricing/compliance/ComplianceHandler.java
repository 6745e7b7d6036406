package com.coachway.pricing.compliance;

import com.coachway.hos.HoursOfService;
import com.coachway.common.http.JsonInput;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** POST /compliance/check: reads one driver's duty periods and answers {@link HoursOfService}'s verdict. */
public final class ComplianceHandler {
    private static final Duration MAX_PERIOD = Duration.ofHours(24);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final ComplianceActions actions;

    public ComplianceHandler(ComplianceActions actions) {
        this.actions = actions;
    }

    public void check(Context ctx) {
        var in = JsonInput.of(ctx);
        String cycle = in.optionalString("cycle");
        List<JsonInput> items = in.requiredObjectList("duty_periods");
        var periods = new ArrayList<HoursOfService.DutyPeriod>();
        boolean complete = items != null;
        if (items != null) {
            for (JsonInput p : items) {
                OffsetDateTime start = p.requiredDateTime("start_at");
                OffsetDateTime end = p.requiredDateTime("end_at");
                BigDecimal driving = p.requiredDecimal("driving_hours", 2);
                if (start == null || end == null || driving == null) {
                    complete = false;
                    continue;
                }
                Duration length = Duration.between(start, end);
                if (!end.isAfter(start)) {
                    p.error("end_at", "must be after start_at");
                } else if (length.compareTo(MAX_PERIOD) > 0) {
                    p.error("end_at", "must be at most 24 hours after start_at; split longer duty into periods");
                } else if (driving.multiply(SECONDS_PER_HOUR).compareTo(BigDecimal.valueOf(length.getSeconds())) > 0) {
                    p.error("driving_hours", "exceeds the period's length");
                }
                periods.add(new HoursOfService.DutyPeriod(start, end, driving));
            }
        }
        if (complete && !in.hasErrors()) {
            HoursOfService.overlaps(periods).forEach((later, earlier) ->
                    in.error("duty_periods[" + later + "].start_at", "overlaps duty_periods[" + earlier + "]"));
        }
        in.validate();
        ctx.json(actions.check(periods, cycle == null ? null : HoursOfService.Cycle.fromCode(cycle)));
    }
}
