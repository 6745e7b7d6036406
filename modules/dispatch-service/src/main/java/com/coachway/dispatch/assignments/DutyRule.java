package com.coachway.dispatch.assignments;

import com.coachway.hos.HoursOfService;
import com.coachway.hos.HoursOfService.DutyPeriod;
import com.coachway.hos.HoursOfService.Violation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Hours of service on a driver's planned duty, with {@link HoursOfService} (the one
 * implementation pricing uses too): each live assignment is an on-duty period with its planned
 * driving. A new assignment is refused for a violation it causes — in itself, or in one of the
 * driver's later assignments that was fine without it — not for one that was there before it
 * (after a change of HOS_CYCLE, say). Pure.
 */
public final class DutyRule {
    private DutyRule() {
    }

    /** One of the driver's assignments as a duty period; drivingHours null is the whole window. */
    public record Period(UUID id, OffsetDateTime startsAt, OffsetDateTime endsAt, BigDecimal drivingHours) {
        DutyPeriod duty() {
            return DutyPeriod.of(startsAt, endsAt, AssignmentRules.driving(startsAt, endsAt, drivingHours));
        }
    }

    public record Refusal(String rule, String detail) {
    }

    /** @param others the driver's other live assignments (none overlapping {@code added}) */
    public static Optional<Refusal> check(List<Period> others, Period added, DutySettings settings) {
        var without = violations(others, settings);
        var with = new ArrayList<>(others);
        with.add(added);
        var result = HoursOfService.check(with.stream().map(Period::duty).toList(), settings.cycle(), settings.days());
        // the new assignment's own violations first: they say most plainly why it is refused
        var found = new ArrayList<>(result.violations());
        found.sort(java.util.Comparator.comparing((Violation v) -> with.get(v.period()) != added));
        for (Violation v : found) {
            Period at = with.get(v.period());
            if (without.contains(v.rule() + "@" + at.id())) continue;
            String detail = at == added ? v.detail()
                    : "with this assignment, the driver's assignment " + at.id() + " from " + at.startsAt() + " would break it: " + v.detail();
            return Optional.of(new Refusal(v.rule(), detail));
        }
        return Optional.empty();
    }

    private static Set<String> violations(List<Period> periods, DutySettings settings) {
        var out = new HashSet<String>();
        if (periods.isEmpty()) return out;
        var result = HoursOfService.check(periods.stream().map(Period::duty).toList(), settings.cycle(), settings.days());
        for (Violation v : result.violations()) out.add(v.rule() + "@" + periods.get(v.period()).id());
        return out;
    }
}
