package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** The windows and header arithmetic, with a clock the test moves. */
class RateLimitingTest {
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-03-01T10:15:30Z").toEpochMilli());

    private RateLimiting plugin(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of("policy", "local", "limit_by", "ip"));
        config.putAll(extra);
        ConfigObject settings = new ConfigObject("rate-limiting", config);
        RateLimiting plugin = new RateLimiting(settings, now::get);
        settings.finish();
        return plugin;
    }

    private static HttpFields headers(RateLimiting plugin, String client) {
        RateLimiting.Decision decision = plugin.decide(client);
        assertTrue(decision.allowed());
        return decision.headers();
    }

    @Test
    void counts_in_fixed_utc_minute_windows_and_resets_at_the_boundary() {
        RateLimiting plugin = plugin(Map.of("minute", 2));
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
    void the_ratelimit_trio_describes_the_minute_window() {
        HttpFields headers = headers(plugin(Map.of("minute", 3)), "10.0.0.1");
        assertEquals("3", headers.get("X-RateLimit-Limit-Minute"));
        assertEquals("2", headers.get("X-RateLimit-Remaining-Minute"));
        assertEquals("3", headers.get("RateLimit-Limit"));
        assertEquals("2", headers.get("RateLimit-Remaining"));
        assertEquals("30", headers.get("RateLimit-Reset"));
        assertEquals(null, headers.get("Retry-After"), "only a refusal says when to retry");
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
    void refuses_every_option_kong_yml_does_not_use() {
        Map<Map<String, Object>, String> cases = Map.of(
                Map.of(), "minute: is required",
                Map.of("minute", 10, "hour", 100), "unknown or unsupported field(s) [hour]",
                Map.of("minute", 10, "policy", "redis"), "'redis' is not supported by the local gateway (only 'local')",
                Map.of("minute", 10, "limit_by", "consumer"), "'consumer' is not supported by the local gateway (only 'ip')",
                Map.of("minute", 10, "hide_client_headers", true), "unknown or unsupported field(s) [hide_client_headers]",
                Map.of("minute", 0), "must be between 1");
        cases.forEach((config, expected) -> {
            String message = assertThrows(IllegalArgumentException.class, () -> plugin(config)).getMessage();
            assertTrue(message.contains(expected), "expected '" + expected + "' in: " + message);
        });
    }
}
