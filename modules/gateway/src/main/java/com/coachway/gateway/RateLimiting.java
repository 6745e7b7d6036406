package com.coachway.gateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/**
 * Kong's rate-limiting plugin with policy local (kong/plugins/rate-limiting/handler.lua): fixed
 * windows aligned to UTC calendar boundaries, one set of counters per plugin instance, Kong's
 * headers. Unlike Kong, which checks and later increments in a timer, the check and the
 * increment are one atomic step here, so concurrent requests can never overshoot the limit.
 */
final class RateLimiting implements Plugin {
    static final String NAME = "rate-limiting";

    enum Period {
        SECOND(1), MINUTE(60), HOUR(3_600), DAY(86_400), MONTH(2_592_000), YEAR(31_536_000);

        /** Kong's fixed window length in seconds, used for RateLimit-Reset (month = 30 days). */
        final long seconds;
        final String header;

        Period(long seconds) {
            this.seconds = seconds;
            String n = name().toLowerCase(Locale.ROOT);
            this.header = Character.toUpperCase(n.charAt(0)) + n.substring(1);
        }

        long windowStart(long nowMillis) {
            return switch (this) {
                case MONTH, YEAR -> {
                    ZonedDateTime t = Instant.ofEpochMilli(nowMillis).atZone(ZoneOffset.UTC).toLocalDate()
                            .withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC);
                    yield (this == YEAR ? t.withMonth(1) : t).toInstant().toEpochMilli();
                }
                default -> nowMillis - Math.floorMod(nowMillis, seconds * 1000);
            };
        }
    }

    private record Limit(Period period, long limit) {
    }

    /** One client's counters; immutable so that a concurrent sweep can never drop an update. */
    private record Usage(long[] windowStarts, long[] counts, boolean allowed, long[] before) {
        boolean expired(List<Limit> limits, long nowMillis) {
            for (int i = 0; i < limits.size(); i++) {
                if (windowStarts[i] == limits.get(i).period().windowStart(nowMillis)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final long SWEEP_EVERY_MILLIS = 60_000;

    private final List<Limit> limits = new ArrayList<>();
    private final String limitBy;
    private final String headerName;
    private final String path;
    private final boolean hideClientHeaders;
    private final int errorCode;
    private final String errorMessage;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Usage> usage = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    RateLimiting(ConfigObject config) {
        this(config, System::currentTimeMillis);
    }

    RateLimiting(ConfigObject config, LongSupplier clock) {
        this.clock = clock;
        Double previous = null;
        Period previousPeriod = null;
        for (Period p : Period.values()) {
            Double value = config.number(p.name().toLowerCase(Locale.ROOT));
            if (value == null) {
                continue;
            }
            if (value <= 0) {
                throw ConfigObject.invalid(config.where() + "." + p.name().toLowerCase(Locale.ROOT), "must be greater than 0");
            }
            if (previous != null && value < previous) {
                throw ConfigObject.invalid(config.where(), "the limit for " + p.name().toLowerCase(Locale.ROOT)
                        + " cannot be lower than the limit for " + previousPeriod.name().toLowerCase(Locale.ROOT));
            }
            previous = value;
            previousPeriod = p;
            limits.add(new Limit(p, (long) Math.floor(value)));
        }
        if (limits.isEmpty()) {
            throw ConfigObject.invalid(config.where(), "set at least one of second, minute, hour, day, month, year");
        }
        limitBy = config.oneOf("limit_by", "consumer", List.of("consumer", "credential", "ip", "service", "header", "path"));
        headerName = config.string("header_name", null);
        path = config.string("path", null);
        if (limitBy.equals("header") && headerName == null) {
            throw ConfigObject.invalid(config.where(), "limit_by header needs header_name");
        }
        if (limitBy.equals("path") && path == null) {
            throw ConfigObject.invalid(config.where(), "limit_by path needs path");
        }
        String policy = config.oneOf("policy", "local", List.of("local", "cluster", "redis"));
        if (!policy.equals("local")) {
            throw ConfigObject.invalid(config.where() + ".policy", "only 'local' is supported by the local gateway");
        }
        hideClientHeaders = config.bool("hide_client_headers", false);
        errorCode = (int) config.integer("error_code", 429, 100, 599);
        errorMessage = config.string("error_message", "API rate limit exceeded");
        // Accepted for compatibility; they only matter for the cluster and redis policies.
        config.ignore("fault_tolerant", "redis", "sync_rate");
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
        Decision decision = decide(identifier(exchange));
        exchange.state(this, decision.headers());
        return decision.allowed() ? null : Reply.problem(errorCode, errorMessage, HttpFields.build(decision.headers()));
    }

    /** Whether one more request from this client fits, and the headers that tell it so. */
    record Decision(boolean allowed, HttpFields.Mutable headers) {
    }

    Decision decide(String identifier) {
        long now = clock.getAsLong();
        sweep(now);
        Usage result = usage.compute(identifier, (id, current) -> count(current, now));
        return new Decision(result.allowed(), hideClientHeaders ? HttpFields.build() : headers(result, now));
    }

    @Override
    public void headerFilter(Exchange exchange, HttpFields.Mutable out) {
        HttpFields.Mutable headers = exchange.state(this);
        if (headers != null) {
            headers.forEach(out::put);
        }
    }

    private Usage count(Usage current, long now) {
        int n = limits.size();
        long[] starts = new long[n];
        long[] before = new long[n];
        boolean allowed = true;
        for (int i = 0; i < n; i++) {
            starts[i] = limits.get(i).period().windowStart(now);
            before[i] = current != null && current.windowStarts()[i] == starts[i] ? current.counts()[i] : 0;
            allowed &= before[i] < limits.get(i).limit();
        }
        long[] counts = before.clone();
        if (allowed) {
            for (int i = 0; i < n; i++) {
                counts[i]++;
            }
        }
        return new Usage(starts, counts, allowed, before);
    }

    /** Kong's header arithmetic: the RateLimit-* trio describes the most constrained window. */
    private HttpFields.Mutable headers(Usage result, long now) {
        HttpFields.Mutable headers = HttpFields.build();
        int stop = -1;
        for (int i = 0; i < limits.size(); i++) {
            if (limits.get(i).limit() - result.before()[i] <= 0) {
                stop = i;
                break;
            }
        }
        long limit = 0;
        long remaining = Long.MAX_VALUE;
        long window = 0;
        long reset = 0;
        for (int i = 0; i < limits.size(); i++) {
            Limit l = limits.get(i);
            long current = l.limit() - result.before()[i];
            if (stop < 0 || stop == i) {
                current--;
            }
            current = Math.max(0, current);
            if (current < remaining || current == remaining && l.period().seconds > window) {
                limit = l.limit();
                remaining = current;
                window = l.period().seconds;
                reset = Math.max(1, window - (now - result.windowStarts()[i]) / 1000);
            }
            headers.put("X-RateLimit-Limit-" + l.period().header, Long.toString(l.limit()));
            headers.put("X-RateLimit-Remaining-" + l.period().header, Long.toString(current));
        }
        headers.put("RateLimit-Limit", Long.toString(limit));
        headers.put("RateLimit-Remaining", Long.toString(remaining));
        headers.put("RateLimit-Reset", Long.toString(reset));
        if (!result.allowed()) {
            headers.put("Retry-After", Long.toString(reset));
        }
        return headers;
    }

    private String identifier(Exchange exchange) {
        String id = switch (limitBy) {
            case "service" -> exchange.match.service().name();
            case "header" -> exchange.request.getHeaders().get(headerName);
            case "path" -> path.equals(UpstreamPath.normalize(exchange.request.getHttpURI().getPath())) ? path : null;
            // No consumers or credentials exist here, so Kong falls back to the client IP.
            default -> null;
        };
        return id != null ? id : Request.getRemoteAddr(exchange.request);
    }

    private void sweep(long now) {
        long last = lastSweep.get();
        if (now - last >= SWEEP_EVERY_MILLIS && lastSweep.compareAndSet(last, now)) {
            usage.entrySet().removeIf(e -> e.getValue().expired(limits, now));
        }
    }
}
