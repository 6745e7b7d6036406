package com.coachway.common.outbox;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BackoffTest {
    private static final Backoff NO_JITTER = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 0);

    @Test
    void the_delay_doubles_with_each_failure_starting_from_the_base() {
        assertEquals(Duration.ofSeconds(10), NO_JITTER.delayAfter(1, () -> 0.5));
        assertEquals(Duration.ofSeconds(20), NO_JITTER.delayAfter(2, () -> 0.5));
        assertEquals(Duration.ofSeconds(40), NO_JITTER.delayAfter(3, () -> 0.5));
        assertEquals(Duration.ofSeconds(160), NO_JITTER.delayAfter(5, () -> 0.5));
    }

    @Test
    void the_delay_never_exceeds_the_cap_however_many_failures() {
        assertEquals(Duration.ofMinutes(5), NO_JITTER.delayAfter(6, () -> 0.5));
        assertEquals(Duration.ofMinutes(5), NO_JITTER.delayAfter(1_000, () -> 0.5));
        assertEquals(Duration.ofMinutes(5), NO_JITTER.delayAfter(Integer.MAX_VALUE, () -> 0.5));
    }

    @Test
    void jitter_shortens_the_delay_by_at_most_its_fraction() {
        var backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 0.2);
        assertEquals(Duration.ofSeconds(20), backoff.delayAfter(2, () -> 0.0));
        assertEquals(Duration.ofSeconds(18), backoff.delayAfter(2, () -> 0.5));
        assertEquals(Duration.ofSeconds(16), backoff.delayAfter(2, () -> 0.9999999));
    }

    @Test
    void the_default_retries_for_about_twenty_minutes_over_eight_attempts() {
        long total = 0;
        for (int failures = 1; failures < 8; failures++) total += Backoff.DEFAULT.delayAfter(failures, () -> 0).toSeconds();
        assertEquals(1270, total);
    }

    @Test
    void a_backoff_with_a_zero_base_a_cap_below_the_base_or_jitter_outside_0_to_1_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> NO_JITTER.delayAfter(0, () -> 0));
    }
}
