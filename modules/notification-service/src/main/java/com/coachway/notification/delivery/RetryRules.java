package com.coachway.notification.delivery;

import com.coachway.common.outbox.Backoff;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/** What follows a failed attempt: try again later (when), or give up now. */
public final class RetryRules {
    private static final int MAX_ERROR_CHARS = 2000;

    private RetryRules() {
    }

    /** {@code retryIn} null: failed for good. */
    public record Decision(Duration retryIn, String error) {
        public boolean failed() {
            return retryIn == null;
        }
    }

    /**
     * After attempt {@code attempt} of {@code maxAttempts} failed: a refusal that will not change,
     * or the last attempt, fails now; otherwise exponential backoff, but never sooner than the
     * provider's Retry-After (itself never waited beyond the backoff's cap).
     */
    public static Decision after(int attempt, int maxAttempts, ProviderException e, Backoff backoff, DoubleSupplier random) {
        String error = describe(e.getMessage());
        if (!e.retryable() || attempt >= maxAttempts) return new Decision(null, error);
        Duration delay = backoff.delayAfter(attempt, random);
        Duration asked = e.retryAfter();
        if (asked != null) {
            Duration honoured = asked.compareTo(backoff.cap()) > 0 ? backoff.cap() : asked;
            if (honoured.compareTo(delay) > 0) delay = honoured;
        }
        return new Decision(delay, error);
    }

    /** A Retry-After header: delay-seconds or an HTTP-date; null when absent, malformed or in the past. */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) return null;
        String v = header.strip();
        if (v.chars().allMatch(Character::isDigit) && v.length() <= 9) return Duration.ofSeconds(Long.parseLong(v));
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return d.isNegative() ? null : d;
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** NUL-free (PostgreSQL text cannot hold it) and short enough to keep on every row. */
    static String describe(String message) {
        String s = message == null ? "unknown error" : message.replace('\u0000', ' ');
        if (s.length() > MAX_ERROR_CHARS) {
            int end = MAX_ERROR_CHARS - 1;
            if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
            s = s.substring(0, end) + "…";
        }
        return s;
    }
}
