package com.coachway.notification.delivery;

import com.coachway.common.outbox.Backoff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryRulesTest {
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 0);

    private static RetryRules.Decision after(int attempt, ProviderException e) {
        return RetryRules.after(attempt, 5, e, BACKOFF, () -> 0.5);
    }

    @Test
    void a_5xx_429_408_or_no_answer_is_retried_with_exponential_backoff() {
        assertEquals(Duration.ofSeconds(30), after(1, ProviderException.answered("sendgrid", 500, "oops", null)).retryIn());
        assertEquals(Duration.ofSeconds(60), after(2, ProviderException.answered("sendgrid", 503, "", null)).retryIn());
        assertEquals(Duration.ofSeconds(120), after(3, ProviderException.answered("twilio", 429, "", null)).retryIn());
        assertEquals(Duration.ofSeconds(240), after(4, ProviderException.answered("twilio", 408, "", null)).retryIn());
        assertFalse(after(1, ProviderException.noAnswer("sendgrid", new java.net.ConnectException("refused"))).failed());
    }

    @Test
    void the_last_attempt_fails_for_good_keeping_the_error() {
        var d = after(5, ProviderException.answered("sendgrid", 500, "internal error", null));
        assertTrue(d.failed());
        assertEquals("sendgrid answered 500: internal error", d.error());
    }

    @Test
    void a_4xx_that_will_not_change_fails_at_once() {
        for (int status : new int[]{400, 401, 403, 404, 413, 422}) {
            assertTrue(after(1, ProviderException.answered("twilio", status, "invalid To", null)).failed(), "status " + status);
        }
    }

    @Test
    void retry_after_is_honoured_when_longer_than_the_backoff_and_capped() {
        assertEquals(Duration.ofSeconds(90), after(1, ProviderException.answered("sendgrid", 429, "", Duration.ofSeconds(90))).retryIn());
        assertEquals(Duration.ofSeconds(30), after(1, ProviderException.answered("sendgrid", 429, "", Duration.ofSeconds(2))).retryIn());
        assertEquals(Duration.ofHours(1), after(1, ProviderException.answered("sendgrid", 503, "", Duration.ofDays(2))).retryIn());
    }

    @Test
    void retry_after_reads_seconds_and_http_dates() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        assertEquals(Duration.ofSeconds(7), RetryRules.retryAfter("7", now));
        assertEquals(Duration.ofSeconds(90), RetryRules.retryAfter("Tue, 01 Dec 2026 12:01:30 GMT", now));
        assertNull(RetryRules.retryAfter("Tue, 01 Dec 2026 11:00:00 GMT", now));
        assertNull(RetryRules.retryAfter("soon", now));
        assertNull(RetryRules.retryAfter(null, now));
        assertNull(RetryRules.retryAfter("-5", now));
    }

    @Test
    void errors_are_kept_short_and_nul_free() {
        String e = RetryRules.describe("x\u0000y" + "z".repeat(5000));
        assertTrue(e.length() <= 2000);
        assertFalse(e.contains("\u0000"));
    }
}
