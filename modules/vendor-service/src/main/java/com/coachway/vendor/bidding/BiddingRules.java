package com.coachway.vendor.bidding;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The time rules of bidding and the award's payment terms. */
public final class BiddingRules {
    private static final DateTimeFormatter FOR_PEOPLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private BiddingRules() {
    }

    /** What is wrong with a new request's deadline: it must be ahead, and answers must come before the trip. */
    public static Optional<String> respondByProblem(OffsetDateTime respondBy, OffsetDateTime pickupAt, OffsetDateTime now) {
        if (!respondBy.isAfter(now)) return Optional.of("must be in the future");
        if (!respondBy.isBefore(pickupAt)) return Optional.of("must be before pickup_at");
        return Optional.empty();
    }

    /** Bids are taken until respond_by, not at it. */
    public static boolean biddingClosed(OffsetDateTime respondBy, OffsetDateTime now) {
        return !now.isBefore(respondBy);
    }

    /** The vendor is paid {@code days} after the trip's last day in the company's zone. */
    public static LocalDate dueDate(OffsetDateTime tripEnds, ZoneId zone, int days) {
        return tripEnds.atZoneSameInstant(zone).toLocalDate().plusDays(days);
    }

    /** A time as the emails show it, in the company's zone: "2027-03-01 08:00 EST". */
    public static String forPeople(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).format(FOR_PEOPLE);
    }
}
