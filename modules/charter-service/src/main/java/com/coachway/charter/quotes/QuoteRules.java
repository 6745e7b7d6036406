package com.coachway.charter.quotes;

import com.coachway.charter.charters.CharterStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * When a quote may be made, sent, accepted or rejected. A quote is valid for {@link #VALIDITY};
 * an open quote past its valid_until is expired the moment that passes, whether or not the job
 * that marks it has run yet. Only the latest version of a charter's quotes can be sent or accepted.
 * Every refusal names the state that prevents the change.
 */
public final class QuoteRules {
    public static final Duration VALIDITY = Duration.ofDays(14);

    private QuoteRules() {
    }

    /** The quote facts the rules look at. */
    public record QuoteState(QuoteStatus stored, OffsetDateTime validUntil, int version, int latestVersion) {
    }

    public static OffsetDateTime validUntil(OffsetDateTime createdAt) {
        return createdAt.plus(VALIDITY);
    }

    /** The status a reader sees: an open quote whose time has passed is expired. */
    public static QuoteStatus effectiveStatus(QuoteStatus stored, OffsetDateTime validUntil, Instant now) {
        return stored.isOpen() && !now.isBefore(validUntil.toInstant()) ? QuoteStatus.EXPIRED : stored;
    }

    /** A new version may be priced while the charter is still being sold. */
    public static Optional<String> refusalToQuote(CharterStatus charter, String tripType, Integer miles) {
        if (charter != CharterStatus.INQUIRY && charter != CharterStatus.QUOTED) {
            return Optional.of("The charter is " + charter.code() + "; quotes are made only while it is an inquiry or quoted");
        }
        if (miles == null && !"hourly".equals(tripType)) {
            return Optional.of("The charter has no miles; set miles before pricing it (only hourly charters price without them)");
        }
        return Optional.empty();
    }

    public static Optional<String> refusalToSend(QuoteState q, CharterStatus charter, Instant now) {
        QuoteStatus status = effectiveStatus(q.stored(), q.validUntil(), now);
        if (status == QuoteStatus.SENT) return Optional.of("The quote is already sent");
        if (status != QuoteStatus.DRAFT) return Optional.of("The quote is " + status.code() + "; only a draft can be sent");
        if (q.version() != q.latestVersion()) return notLatest(q);
        if (charter != CharterStatus.INQUIRY && charter != CharterStatus.QUOTED) {
            return Optional.of("The charter is " + charter.code() + "; quotes are sent only while it is an inquiry or quoted");
        }
        return Optional.empty();
    }

    public static Optional<String> refusalToAccept(QuoteState q, CharterStatus charter, Instant now) {
        QuoteStatus status = effectiveStatus(q.stored(), q.validUntil(), now);
        if (status == QuoteStatus.DRAFT) return Optional.of("The quote is draft; it must be sent before it can be accepted");
        if (status == QuoteStatus.ACCEPTED) return Optional.of("The quote is already accepted");
        if (status != QuoteStatus.SENT) return Optional.of("The quote is " + status.code() + "; only a sent quote can be accepted");
        if (q.version() != q.latestVersion()) return notLatest(q);
        if (charter != CharterStatus.QUOTED) {
            return Optional.of("The charter is " + charter.code() + "; a quote is accepted only while the charter is quoted");
        }
        return Optional.empty();
    }

    public static Optional<String> refusalToReject(QuoteState q, Instant now) {
        QuoteStatus status = effectiveStatus(q.stored(), q.validUntil(), now);
        if (status == QuoteStatus.REJECTED) return Optional.of("The quote is already rejected");
        if (status != QuoteStatus.SENT) return Optional.of("The quote is " + status.code() + "; only a sent quote can be rejected");
        return Optional.empty();
    }

    private static Optional<String> notLatest(QuoteState q) {
        return Optional.of("The quote is version " + q.version() + " but version " + q.latestVersion() + " is the latest");
    }
}
