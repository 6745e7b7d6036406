package com.coachway.hos;


import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * FMCSA hours of service for drivers of passenger-carrying vehicles (49 CFR 395.5), checked on a
 * list of one driver's duty periods. Pure.
 *
 * <p>We only know how much of each period was driving, not when within it, so a violation is
 * reported only when it is certain: when the period's driving could not fit within the limit even
 * if it was all done at the period's start.
 */
public final class HoursOfService {
    static final Duration MIN_REST = Duration.ofHours(8);
    static final Duration DRIVING_LIMIT = Duration.ofHours(10);
    static final Duration ON_DUTY_LIMIT = Duration.ofHours(15);

    private HoursOfService() {
    }

    /** One on-duty period and the driving done in it; the time between periods is off duty. */
    public record DutyPeriod(OffsetDateTime startAt, OffsetDateTime endAt, BigDecimal drivingHours) {
        /**
         * A period whose driving is a duration (dispatch plans driving to the minute, e.g. a whole
         * window of 10 h 01 min, which no decimal number of hours writes exactly).
         */
        public static DutyPeriod of(OffsetDateTime startAt, OffsetDateTime endAt, Duration driving) {
            return new DutyPeriod(startAt, endAt, BigDecimal.valueOf(driving.getSeconds())
                    .divide(BigDecimal.valueOf(3600), 12, java.math.RoundingMode.HALF_UP));
        }

        Duration onDuty() {
            return Duration.between(startAt, endAt);
        }

        /** To the nearest second: hours such as 1/60 h are not exact decimals. */
        Duration driving() {
            return Duration.ofSeconds(drivingHours.multiply(BigDecimal.valueOf(3600))
                    .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        }
    }

    /** The weekly limit: 60 h in 7 days, or 70 h in 8 days for carriers that operate every day. */
    public enum Cycle {
        SIXTY_IN_SEVEN("60_7", 60, 7, "on_duty_60_hours_7_days"),
        SEVENTY_IN_EIGHT("70_8", 70, 8, "on_duty_70_hours_8_days");

        public final String code;
        final Duration limit;
        final int days;
        final String rule;

        Cycle(String code, int hours, int days, String rule) {
            this.code = code;
            this.limit = Duration.ofHours(hours);
            this.days = days;
            this.rule = rule;
        }

        public static final List<String> CODES = List.of("60_7", "70_8");

        public static Cycle fromCode(String code) {
            for (Cycle c : values()) if (c.code.equals(code)) return c;
            throw new IllegalArgumentException("unknown cycle " + code);
        }
    }

    /** {@code period} is the index of the period in the caller's list. */
    public record Violation(String rule, int period, String detail) {
    }

    public record Result(boolean compliant, List<Violation> violations) {
    }

    /** For each period that overlaps one starting earlier, the index of that earlier period (input order). */
    public static Map<Integer, Integer> overlaps(List<DutyPeriod> periods) {
        List<Integer> order = byStart(periods);
        var out = new LinkedHashMap<Integer, Integer>();
        for (int k = 1; k < order.size(); k++) {
            int prev = order.get(k - 1);
            int cur = order.get(k);
            if (periods.get(cur).startAt().isBefore(periods.get(prev).endAt())) out.put(cur, prev);
        }
        return out;
    }

    /** Checks non-overlapping periods given in any order; the first is taken to follow 8 h or more off duty. */
    public static Result check(List<DutyPeriod> periods, Cycle cycle, ServiceDays days) {
        List<Integer> order = byStart(periods);
        var violations = new ArrayList<Violation>();
        Duration drivingInStretch = Duration.ZERO;
        Duration onDutyInStretch = Duration.ZERO;
        DutyPeriod previous = null;
        for (int index : order) {
            DutyPeriod p = periods.get(index);
            // 8 consecutive hours off duty start a new stretch: the 10 h and 15 h counts reset
            if (previous != null && Duration.between(previous.endAt(), p.startAt()).compareTo(MIN_REST) >= 0) {
                drivingInStretch = Duration.ZERO;
                onDutyInStretch = Duration.ZERO;
            }
            Duration driving = p.driving();
            if (!driving.isZero()) {
                Duration drivenAfter = drivingInStretch.plus(driving);
                if (drivenAfter.compareTo(DRIVING_LIMIT) > 0) {
                    violations.add(new Violation("driving_10_hours", index, hours(drivenAfter)
                            + " h of driving since the last 8 consecutive hours off duty; the limit is 10 h"));
                }
                Duration leftBefore15 = ON_DUTY_LIMIT.minus(onDutyInStretch);
                if (driving.compareTo(leftBefore15) > 0) {
                    violations.add(new Violation("on_duty_15_hours", index, hours(driving) + " h of driving with "
                            + hours(onDutyInStretch) + " h on duty before this period: driving after the 15th hour on duty"));
                }
                Duration cycleBefore = onDutyInCycleBefore(periods, p, cycle, days);
                Duration leftInCycle = cycle.limit.minus(cycleBefore);
                if (driving.compareTo(leftInCycle) > 0) {
                    violations.add(new Violation(cycle.rule, index, hours(cycleBefore) + " h on duty in the " + cycle.days
                            + " days up to this period, then " + hours(driving) + " h of driving: the limit is "
                            + cycle.limit.toHours() + " h"));
                }
            }
            drivingInStretch = drivingInStretch.plus(driving);
            onDutyInStretch = onDutyInStretch.plus(p.onDuty());
            previous = p;
        }
        violations.sort(Comparator.comparingInt(Violation::period));
        return new Result(violations.isEmpty(), List.copyOf(violations));
    }

    /**
     * On-duty time of every period within [start of the cycle's first service day, this period's
     * start): the 7 (8) consecutive days are the carrier's 24-hour periods, which begin at the
     * service day start, so duty at 02:00 counts to the day before.
     */
    private static Duration onDutyInCycleBefore(List<DutyPeriod> periods, DutyPeriod p, Cycle cycle, ServiceDays days) {
        LocalDate day = days.dayOf(p.startAt());
        Instant windowStart = days.startOf(day.minusDays(cycle.days - 1L));
        Instant windowEnd = p.startAt().toInstant();
        Duration total = Duration.ZERO;
        for (DutyPeriod q : periods) {
            Instant from = max(q.startAt().toInstant(), windowStart);
            Instant to = min(q.endAt().toInstant(), windowEnd);
            if (from.isBefore(to)) total = total.plus(Duration.between(from, to));
        }
        return total;
    }

    private static List<Integer> byStart(List<DutyPeriod> periods) {
        return IntStream.range(0, periods.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> periods.get(i).startAt().toInstant()).thenComparing(i -> i))
                .toList();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Hours with up to two decimals, e.g. 10.5 or 12.25. */
    static String hours(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).divide(BigDecimal.valueOf(3600), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
