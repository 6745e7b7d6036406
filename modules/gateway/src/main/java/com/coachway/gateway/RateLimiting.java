package com.coachway.gateway;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/**
 * Kong's rate-limiting plugin (kong/plugins/rate-limiting/handler.lua) as kong.yml uses it: a
 * per-minute limit, policy local, limit_by ip. Fixed windows aligned to UTC minutes, one set of
 * counters per plugin instance, Kong's headers. Unlike Kong, which checks and later increments
 * in a timer, the check and the increment are one atomic step, so concurrent requests can never
 * overshoot the limit.
 */
final class RateLimiting implements Plugin {
    static final String NAME = "rate-limiting";
    private static final long MINUTE_MILLIS = 60_000;

    /** One client's count in one window; immutable so that a concurrent sweep can never drop an update. */
    private record Usage(long windowStart, long before, boolean allowed) {
        long count() {
            return allowed ? before + 1 : before;
        }
    }

    private final long limit;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Usage> usage = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    /** @param clock epoch milliseconds */
    RateLimiting(ConfigObject config, LongSupplier clock) {
        this.clock = clock;
        limit = config.integer("minute", 0, 1, Long.MAX_VALUE);
        if (limit == 0) {
            throw ConfigObject.invalid(config.where() + ".minute", "is required (the local gateway implements per-minute limits only)");
        }
        config.requireIfPresent("policy", "local");
        String limitBy = config.string("limit_by");
        if (!"ip".equals(limitBy)) {
            throw ConfigObject.invalid(config.where() + ".limit_by",
                    (limitBy == null ? "the default (consumer)" : "'" + limitBy + "'")
                            + " is not supported by the local gateway (only 'ip')");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 910;
    }

    @Override
    public Reply access(Exchange exchange) {
        Decision decision = decide(Request.getRemoteAddr(exchange.request));
        exchange.state(this, decision.headers());
        return decision.allowed() ? null : Reply.problem(429, "API rate limit exceeded", HttpFields.build(decision.headers()));
    }

    @Override
    public void headerFilter(Exchange exchange, HttpFields.Mutable out) {
        HttpFields.Mutable headers = exchange.state(this);
        if (headers != null) {
            headers.forEach(out::put);
        }
    }

    /** Whether one more request from this client fits, and the headers that tell it so. */
    record Decision(boolean allowed, HttpFields.Mutable headers) {
    }

    Decision decide(String client) {
        long now = clock.getAsLong();
        long windowStart = now - Math.floorMod(now, MINUTE_MILLIS);
        sweep(windowStart);
        Usage result = usage.compute(client, (id, current) -> {
            long before = current != null && current.windowStart() == windowStart ? current.count() : 0;
            return new Usage(windowStart, before, before < limit);
        });
        return new Decision(result.allowed(), headers(result, now));
    }

    /** Kong's headers for a single minute limit. */
    private HttpFields.Mutable headers(Usage result, long now) {
        String remaining = Long.toString(Math.max(0, limit - result.before() - 1));
        String reset = Long.toString(Math.max(1, 60 - (now - result.windowStart()) / 1000));
        HttpFields.Mutable headers = HttpFields.build();
        headers.put("X-RateLimit-Limit-Minute", Long.toString(limit));
        headers.put("X-RateLimit-Remaining-Minute", remaining);
        headers.put("RateLimit-Limit", Long.toString(limit));
        headers.put("RateLimit-Remaining", remaining);
        headers.put("RateLimit-Reset", reset);
        if (!result.allowed()) {
            headers.put("Retry-After", reset);
        }
        return headers;
    }

    private void sweep(long windowStart) {
        long last = lastSweep.get();
        if (windowStart != last && lastSweep.compareAndSet(last, windowStart)) {
            usage.values().removeIf(u -> u.windowStart() != windowStart);
        }
    }
}
