package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** The windows and header arithmetic, with a clock the test moves. */
class RateLimitingTest {
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-03-01T10:15:30Z").toEpochMilli());

    private RateLimiting plugin(Map<String, Object> config) {
        return new RateLimiting(new ConfigObject("rate-limiting", config), now::get);
    }

    private static HttpFields headers(RateLimiting plugin, String client) {
        RateLimiting.Decision decision = plugin.decide(client);
        assertTrue(decision.allowed());
        return decision.headers();
    }

    @Test
    void counts_in_fixed_utc_minute_windows_and_resets_at_the_boundary() {
        RateLimiting plugin = plugin(Map.of("minute", 2, "limit_by", "ip"));
        HttpFields first = headers(plugin, "10.0.0.1");
        assertEquals("1", first.get("X-RateLimit-Remaining-Minute"));
        assertEquals("30", first.get("RateLimit-Reset"), "30 s left in the 10:15 window");
        headers(plugin, "10.0.0.1");
        RateLimiting.Decision third = plugin.decide("10.0.0.1");
        assertFalse(third.allowed());
        assertEquals("30", third.headers().get("Retry-After"));
        assertTrue(plugin.decide("10.0.0.2").allowed(), "another client has its own counter");

        now.set(Instant.parse("2026-03-01T10:16:00Z").toEpochMilli());
        assertTrue(plugin.decide("10.0.0.1").allowed(), "a new minute, a new window");
    }

    @Test
    void the_ratelimit_trio_describes_the_most_constrained_window() {
        HttpFields headers = headers(plugin(Map.of("minute", 3, "hour", 10)), "10.0.0.1");
        assertEquals("2", headers.get("X-RateLimit-Remaining-Minute"));
        assertEquals("9", headers.get("X-RateLimit-Remaining-Hour"));
        assertEquals("3", headers.get("RateLimit-Limit"));
        assertEquals("2", headers.get("RateLimit-Remaining"));
        assertEquals("30", headers.get("RateLimit-Reset"));

        HttpFields tie = headers(plugin(Map.of("minute", 2, "hour", 2)), "10.0.0.1");
        assertEquals("1", tie.get("RateLimit-Remaining"));
        assertEquals(Long.toString(3600 - 15 * 60 - 30), tie.get("RateLimit-Reset"), "a tie goes to the longer window");
    }

    @Test
    void rejected_requests_do_not_count() {
        RateLimiting plugin = plugin(Map.of("minute", 1));
        assertTrue(plugin.decide("10.0.0.1").allowed());
        for (int i = 0; i < 5; i++) {
            assertFalse(plugin.decide("10.0.0.1").allowed());
        }
        now.addAndGet(60_000);
        assertTrue(plugin.decide("10.0.0.1").allowed());
    }

    @Test
    void rejects_configs_kong_rejects_or_we_cannot_serve() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plugin(Map.of("limit_by", "ip")))
                .getMessage().contains("at least one of second, minute"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plugin(Map.of("minute", 10, "hour", 5)))
                .getMessage().contains("cannot be lower"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plugin(Map.of("minute", 10, "policy", "redis")))
                .getMessage().contains("only 'local'"));
    }
}
